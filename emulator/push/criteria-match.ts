// filterCriteria evaluated on one pushed finding or coverage row, from a map of key -> values.
// Within a key, positive filters (EQUALS, PREFIX, ranges) are alternatives and NOT_EQUALS must all
// hold. A key the map lacks matches nothing, so pushed items stay out of unsupported filters.

type Value = string | number | boolean | undefined | (string | undefined)[];
type Entry = { comparison?: string; value?: string; startInclusive?: number; endInclusive?: number; lowerInclusive?: number; upperInclusive?: number };

function one(e: Entry, v: string | number | boolean | undefined): boolean {
  if (v === undefined) return false;
  if (e.comparison === "EQUALS" || e.comparison === "NOT_EQUALS") return String(v) === e.value;
  if (e.comparison === "PREFIX") return String(v).startsWith(e.value ?? "");
  const n = Number(v);
  const lo = e.startInclusive ?? e.lowerInclusive, hi = e.endInclusive ?? e.upperInclusive;
  return (lo === undefined || n >= lo) && (hi === undefined || n <= hi);
}

export function matchesCriteria(criteria: unknown, values: Record<string, Value>): boolean {
  if (!criteria || typeof criteria !== "object") return true;
  for (const [key, list] of Object.entries(criteria as Record<string, Entry[]>)) {
    if (!Array.isArray(list) || list.length === 0) continue;
    if (!(key in values)) return false;
    const v = values[key];
    const vs = Array.isArray(v) ? v : [v];
    const pos = list.filter((e) => e.comparison !== "NOT_EQUALS"), neg = list.filter((e) => e.comparison === "NOT_EQUALS");
    if (neg.some((e) => vs.some((x) => one(e, x)))) return false;
    if (pos.length && !pos.some((e) => vs.some((x) => one(e, x)))) return false;
  }
  return true;
}
