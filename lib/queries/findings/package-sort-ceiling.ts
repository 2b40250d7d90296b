// Where a package filter's page starts its walk of a sort index. A page sorted by score (or EPSS)
// walks that index from the top and tests the package on every entry it passes: for a package whose
// findings all score below most others (openssl at 7.5), that was every higher-scored finding first
// (2.48M entries, 553 ms at 10M; EPSS 1 s at 2M, reading a heap row for each). Two indexes keyed by the
// first listed package hold the sort value cut to an integer (btree deduplication does not fold
// float8 keys): the package's highest bucket is one descent, and the walk starts below the next.
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { statusInSql } from "@/lib/queries/lifecycle-sql";
import { severityOrder } from "@/lib/domain/severity";
import type { ResolvedFilter } from "./resource-match";
import { packageSplit } from "./findings-where";
import { BUCKETS, bucketSql, type BucketColumn } from "./sort-buckets";

/** How many findings listing the package further down are read for their highest values (their rows,
 *  through the GIN index of findings with several packages: 4-6 ms for 1,001 of 20,000 at 2M findings);
 *  beyond it the page walks without a ceiling, as before, rather than read more rows on every page
 *  than the walk passes. */
const furtherCap = 1_000;

/** Every match's value is below `below` (strictly) or at most `atMost`. */
export type Ceiling = { below: number } | { atMost: number };

/** The segment's condition for a ceiling. */
export const ceilingSql = (column: BucketColumn, c: Ceiling): Prisma.Sql =>
  "below" in c ? Prisma.sql`f.${Prisma.raw(column)} < ${c.below}` : Prisma.sql`f.${Prisma.raw(column)} <= ${c.atMost}`;

/** What a segment of the page can skip: its valued findings start below `ceiling` (`null`: none has
 *  a value, so the valued segment is empty), and `unvalued` says whether any has no value (when none
 *  has, the segment of unvalued findings is empty too). */
export interface SegmentBound {
  ceiling: Ceiling | null;
  unvalued: boolean;
}

/**
 * Per severity (or "*" for all the filter's), what the segments of the findings the filter matches can
 * skip (SegmentBound); `undefined` when nothing is known: no package filter, one narrowed by something
 * else, a value at the clamp's top or out of range, more further-listed findings than `cap`.
 * The findings listing the package first are bounded by their index (one descent per status and
 * severity, and one probe for a finding without a value), those listing it further down by reading
 * their values.
 */
export async function packageSortCeilings(scope: Scope, filter: ResolvedFilter, column: BucketColumn, cap = furtherCap): Promise<Map<string, SegmentBound> | undefined> {
  const split = packageSplit(scope, filter);
  if (!split || filter.status.length === 0) return undefined;
  const { scale, max, bySeverity } = BUCKETS[column];
  const bucket = bucketSql("f", column);
  const severities: readonly string[] = filter.severity.length ? filter.severity : severityOrder;
  // One region narrows the descents; several are left out (a bound over more findings is still one).
  const region = filter.region.length === 1 ? Prisma.sql` AND f.region = ${filter.region[0]}` : Prisma.empty;
  const first = (status: (typeof filter.status)[number], severity: string | undefined, which: Prisma.Sql) => Prisma.sql`findings f
    WHERE f.package_names[1] = ${split.name} AND ${statusInSql("f", [status])}${severity ? Prisma.sql` AND f.severity = ${severity}` : Prisma.empty}
    AND ${bucket} ${which}${region}`;
  const top = (severity?: string) => Prisma.sql`greatest(${Prisma.join(filter.status.map((s) =>
    Prisma.sql`(SELECT ${bucket} FROM ${first(s, severity, Prisma.sql`IS NOT NULL`)} ORDER BY ${bucket} DESC LIMIT 1)`), ", ")})::int`;
  const unvalued = (severity?: string) => Prisma.join(filter.status.map((s) => Prisma.sql`EXISTS (SELECT 1 FROM ${first(s, severity, Prisma.sql`IS NULL`)})`), " OR ");
  const keys = bySeverity ? severities : ["*"];
  const of = (s: string) => (bySeverity ? Prisma.sql` FILTER (WHERE sev = ${s})` : Prisma.empty);
  const col = Prisma.raw(`f.${column}`);
  const [row] = await queryRows<{ first: (number | null)[]; first_unvalued: boolean[]; further: number; further_top: (number | null)[]; further_unvalued: (boolean | null)[] }>(Prisma.sql`SELECT
    ARRAY[${Prisma.join(keys.map((s) => top(bySeverity ? s : undefined)), ", ")}] AS first,
    ARRAY[${Prisma.join(keys.map((s) => Prisma.sql`(${unvalued(bySeverity ? s : undefined)})`), ", ")}] AS first_unvalued,
    further.n::int AS further, further.top AS further_top, further.unvalued AS further_unvalued
    FROM (SELECT count(*) AS n, ARRAY[${Prisma.join(keys.map((s) => Prisma.sql`max(v)${of(s)}`), ", ")}]::float8[] AS top,
      ARRAY[${Prisma.join(keys.map((s) => Prisma.sql`bool_or(v IS NULL)${of(s)}`), ", ")}] AS unvalued
      FROM (SELECT ${col} AS v, f.severity AS sev FROM ${split.further.from} WHERE ${split.further.where} LIMIT ${cap + 1}) capped) further`);
  if (!row || row.further > cap) return undefined;
  const clampTop = Math.round(max * scale);
  if (row.first.some((b) => b !== null && b >= clampTop)) return undefined;
  const bounds = new Map<string, SegmentBound>();
  keys.forEach((key, i) => bounds.set(key, {
    ceiling: combine(row.first[i] === null ? null : { below: firstOfBucket(row.first[i]! + 1, scale) }, row.further_top[i]),
    unvalued: row.first_unvalued[i] || row.further_unvalued[i] === true,
  }));
  // The score sort's segments walk every severity the filter asks for.
  if (bySeverity) {
    const all = [...bounds.values()];
    bounds.set("*", { ceiling: all.reduce<Ceiling | null>((a, b) => higher(a, b.ceiling), null), unvalued: all.some((b) => b.unvalued) });
  }
  return bounds;
}

const value = (c: Ceiling) => ("below" in c ? c.below : c.atMost);
function higher(a: Ceiling | null, b: Ceiling | null): Ceiling | null {
  if (!a || !b) return a ?? b;
  // Equal values: "at most" holds one more value than "below".
  if (value(a) !== value(b)) return value(a) > value(b) ? a : b;
  return "atMost" in a ? a : b;
}
const combine = (first: Ceiling | null, furtherTop: number | null): Ceiling | null => higher(first, furtherTop === null ? null : { atMost: furtherTop });

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const step = (x: number, by: bigint) => {
  f64[0] = x;
  i64[0] += by;
  return f64[0];
};

/** The smallest double whose bucket is `k` or more: floor(x · scale) as PostgreSQL computes it (IEEE
 *  multiplication, as here), so `value < firstOfBucket(k + 1)` holds exactly the values of bucket k and
 *  below, not a neighbour's (7.5 is not below the ceiling of a package whose top is 7.4). k >= 1. */
export function firstOfBucket(k: number, scale: number): number {
  let x = k / scale;
  while (Math.floor(x * scale) < k) x = step(x, 1n);
  while (Math.floor(step(x, -1n) * scale) >= k) x = step(x, -1n);
  return x;
}
