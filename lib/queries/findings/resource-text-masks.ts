// The findings index's answer to the explorer's resource filter (resource-match.ts): which of its
// first resources and later resources a text matches. A resource matches when the text is its id, or
// a part of any of its names' search text (the id and name lower-cased by the database, a line break
// between them); a later resource by its own id and name. The text is lowered by the database too, so
// both sides of the comparison are the database's lower(): a substring test is then what LIKE tests
// for the escaped pattern. Each index remembers the texts asked lately: 50 viewers asking ":$LATEST"
// with different ages test the resources once.
import { Prisma, queryOne } from "@/lib/queries/sql";
import { otherResource, type FindingsIndex } from "./findings-index";

/** Texts remembered per index (each ~1 byte per resource). */
const REMEMBERED = 32;

export interface ResourceTextMasks {
  /** By resource code: 1 where the first resource matches. */
  first: Uint8Array;
  /** By later-resource code: 1 where it matches. */
  later: Uint8Array;
}

export async function resourceTextMasks(index: FindingsIndex, text: string): Promise<ResourceTextMasks> {
  const memo = index.resourceMasks.get(text);
  if (memo) {
    // Most recently asked last: the first in the map is the one let go.
    index.resourceMasks.delete(text);
    index.resourceMasks.set(text, memo);
    return memo;
  }
  const lowered = (await queryOne<{ lowered: string }>(Prisma.sql`SELECT lower(${text}::text) AS lowered`))!.lowered;
  const first = new Uint8Array(index.dict.resource.values.length);
  const own = index.dict.resource.find(text);
  if (own >= 0) first[own] = 1;
  const { resource, search } = index.resourceNames;
  for (let k = 0; k < search.length; k++) if (!first[resource[k]] && search[k].includes(lowered)) first[resource[k]] = 1;
  const later = index.dict.other.mask((value) => {
    const o = otherResource(value!);
    return o.id === text || o.search.includes(lowered);
  });
  const masks = { first, later };
  index.resourceMasks.set(text, masks);
  if (index.resourceMasks.size > REMEMBERED) index.resourceMasks.delete(index.resourceMasks.keys().next().value!);
  return masks;
}
