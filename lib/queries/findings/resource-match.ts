// The explorer's resource filter: a finding matches when any of its resources has the text as its id,
// or as a part of its id or name, in any case. Resolved in two steps: the matching first-resource ids
// (finding_resource_names, one row per distinct id and name) and the findings whose other resources
// match (finding_other_resources), then the findings read by those on their resource_id and arn
// indexes. When the text matches more resources than that is good for, the findings are tested
// against the text instead: so many match that an index walk meets them early. Each list is "broad"
// on its own: a text that matches every Lambda function's first resource (":$LATEST") but few later
// resources tests the first against the text and the rest by the later resources' findings (a
// hashed list), not by a lookup in finding_other_resources for each finding it passes. A first list
// that is broad also takes the resources known under several names whose other name matches
// (finding_resource_aliases, migration *_resource_aliases): the finding's own name is not enough there.
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { FindingsFilter } from "./findings-filter";
import { containsPattern } from "@/lib/queries/like-pattern";

/** Matching values, or "broad": more than MATCH_CAP of them. */
export type MatchList = string[] | "broad";
/** What the resource text resolved to: the first resources' ids, and the findings whose later
 *  resources match. `renamed` (only beside a broad `ids`): the matching resources known under
 *  several names; absent, the statement looks them up for each finding it tests. */
export type ResourceMatch = { ids: MatchList; arns: MatchList; renamed?: MatchList };
export type ResolvedFilter = FindingsFilter & { resourceMatch?: ResourceMatch };

/** Up to this many ids go to the findings as one array (hashed by the planner); beyond it, "broad". */
export const MATCH_CAP = 10_000;

// Without a limit (the statement's own fallback) every match; with one, up to it. Not DISTINCT: a
// DISTINCT under a LIMIT walked the (resource_id, name) key in order and tested most of the table
// (180-580 ms for ":$LATEST" at 10M findings); plain rows stop at the limit (40-70 ms). A resource
// known under several names comes once per name; the caller makes the ids distinct. The names' LIKE
// reads their trigram index (migration *_resource_names_trigram_index) when the text is selective.
const limited = (limit?: number) => (limit === undefined ? Prisma.empty : Prisma.sql` LIMIT ${limit}`);
/** The text is the resource's id, or a part of `search`: its id and name lower-cased, a line break
 *  between them (finding_resource_names.search stores it; elsewhere searchOf computes it). One LIKE
 *  against the pattern lowered once: the planner folds lower() of the bound text into a constant. Two
 *  ILIKEs lowered the pattern again for every row and column: a broad text's capped count at 10M
 *  (~52,000 findings tested) took 107-139 ms that way and 80-105 ms this way, alternated in one run.
 *  The text has no line break (findings-filter.ts), so a match never spans an id and its name. */
const matchesText = (id: string, search: string, text: string) =>
  Prisma.sql`(${Prisma.raw(id)} = ${text} OR ${Prisma.raw(search)} LIKE lower(${containsPattern(text)}))`;
/** `search` of a row that has no stored one. */
const searchOf = (id: string, name: string) => `lower(${id} || chr(10) || coalesce(${name}, ''))`;
/** A row of finding_resource_names or finding_resource_aliases (`alias`) that the text names. */
const searchMatches = (alias: "n" | "a", text: string) => matchesText(`${alias}.resource_id`, `${alias}.search`, text);
/** A finding (`f`) or a later resource of one (`o`) that the text names. */
const hasText = (alias: "f" | "o", text: string) =>
  matchesText(`${alias}.resource_id`, searchOf(`${alias}.resource_id`, alias === "f" ? "f.resource_name" : "o.name"), text);
export const namesSql = (text: string, limit?: number) => Prisma.sql`SELECT n.resource_id AS v FROM finding_resource_names n
  WHERE ${searchMatches("n", text)}${limited(limit)}`;
const aliasesSql = (text: string, limit?: number) => Prisma.sql`SELECT a.resource_id AS v FROM finding_resource_aliases a
  WHERE ${searchMatches("a", text)}${limited(limit)}`;
export const othersSql = (text: string, limit?: number) => Prisma.sql`SELECT o.finding_arn AS v FROM finding_other_resources o
  WHERE ${hasText("o", text)}${limited(limit)}`;

/** The filter with its resource text resolved (unchanged without one). Up to twice the cap of rows is
 *  read for each list; a list that fills it is "broad" even if fewer of its values are distinct (a
 *  few resources under many names), which is exact too: "broad" tests each finding's own resources.
 *  Each list is broad or not on its own. */
export async function resolveResourceMatch<F extends FindingsFilter>(filter: F, cap = MATCH_CAP): Promise<F & { resourceMatch?: ResourceMatch }> {
  if (!filter.resource) return filter;
  const rowsCap = 2 * (cap + 1);
  const [idRows, arnRows] = await Promise.all([queryRows<{ v: string }>(namesSql(filter.resource, rowsCap)), queryRows<{ v: string }>(othersSql(filter.resource, rowsCap))]);
  const list = (rows: { v: string }[]): MatchList => {
    const values = [...new Set(rows.map((r) => r.v))];
    return rows.length >= rowsCap || values.length > cap ? "broad" : values;
  };
  const ids = list(idRows);
  if (ids !== "broad") return { ...filter, resourceMatch: { ids, arns: list(arnRows) } };
  const renamed = list(await queryRows<{ v: string }>(aliasesSql(filter.resource, rowsCap)));
  return { ...filter, resourceMatch: { ids, arns: list(arnRows), renamed } };
}

/** Beside a broad first list: the findings of resources known under several names, one of which
 *  matches (a listed few, or a lookup for each finding tested). */
function renamedWhere(text: string, renamed: MatchList | undefined): Prisma.Sql[] {
  if (Array.isArray(renamed)) return renamed.length ? [Prisma.sql`f.resource_id = ANY(${renamed}::text[])`] : [];
  return [Prisma.sql`EXISTS (SELECT 1 FROM finding_resource_aliases a WHERE a.resource_id = f.resource_id AND ${searchMatches("a", text)})`];
}

/** The resource condition on `findings f`. Unresolved, it resolves inside the statement (correct,
 *  but an array from a subquery is searched element by element when the findings are walked). */
export function resourceWhere(text: string, match: ResourceMatch | undefined): Prisma.Sql {
  if (!match) return Prisma.sql`(f.resource_id = ANY(ARRAY(${namesSql(text)})) OR f.arn = ANY(ARRAY(${othersSql(text)})))`;
  const first = match.ids === "broad"
    ? [hasText("f", text), ...renamedWhere(text, match.renamed)]
    : match.ids.length ? [Prisma.sql`f.resource_id = ANY(${match.ids}::text[])`] : [];
  const later = match.arns === "broad"
    ? [Prisma.sql`EXISTS (SELECT 1 FROM finding_other_resources o WHERE o.finding_arn = f.arn AND ${hasText("o", text)})`]
    : match.arns.length ? [Prisma.sql`f.arn = ANY(${match.arns}::text[])`] : [];
  const parts = [...first, ...later];
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}
