// The opaque keyset cursor of the findings explorer: the sort it belongs to, the sort segment
// (see findings-sort.ts), the last row's sort value and id (the tie-breaker), and the page number for display.
import { z } from "zod";

export const findingsSorts = ["score", "severity", "age", "epss"] as const;
export type FindingsSort = (typeof findingsSorts)[number];

export interface FindingsCursor {
  sort: FindingsSort;
  segment: number;
  value: number | string | null;
  /** findings.id (a bigint, as decimal text) of the last row. */
  id: string;
  page: number;
}

const cursorShape = z.tuple([z.enum(findingsSorts), z.number().int().min(0).max(64), z.union([z.number(), z.string().max(64), z.null()]), z.string().regex(/^\d{1,19}$/), z.number().int().min(1)]);

export function encodeCursor(c: FindingsCursor): string {
  return toBase64Url(JSON.stringify([c.sort, c.segment, c.value, c.id, c.page]));
}

export function decodeCursor(text: string): FindingsCursor | undefined {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(fromBase64Url(text)));
    if (!parsed.success) return undefined;
    const [sort, segment, value, id, page] = parsed.data;
    return { sort, segment, value, id, page };
  } catch {
    return undefined;
  }
}

// btoa/atob rather than Buffer: the filter schema also runs in the browser's filter bar.
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const bin = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
}
