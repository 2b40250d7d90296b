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

export type CeilingColumn = "inspector_score" | "epss_score";

/** Each sort value's buckets: the value clamped to [0, max], times `scale`, floored, a smallint;
 *  NULL when the finding has none. Migrations findings_first_package_score_index (with the
 *  severity before it, for the severity sort's segments) and findings_first_package_epss_index state
 *  the same expressions. */
export const BUCKETS: Record<CeilingColumn, { scale: number; max: number; bySeverity: boolean }> = {
  inspector_score: { scale: 10, max: 10, bySeverity: true },
  epss_score: { scale: 1000, max: 1, bySeverity: false },
};

export function bucketSql(alias: string, column: CeilingColumn): Prisma.Sql {
  const { scale, max } = BUCKETS[column];
  const c = `${alias}.${column}`;
  return Prisma.raw(`(CASE WHEN ${c} IS NOT NULL THEN floor(least(greatest(${c}, 0), ${max}) * ${scale}) END)::smallint`);
}

/** How many findings listing the package further down are read for their highest values (their rows,
 *  through the GIN index of findings with several packages: 4-6 ms for 1,001 of 20,000 at 2M findings);
 *  beyond it the page walks without a ceiling, as before, rather than read more rows on every page
 *  than the walk passes. */
export const furtherCap = 1_000;

/** Every match's value is below `below` (strictly) or at most `atMost`. */
export type Ceiling = { below: number } | { atMost: number };

/** The segment's condition for a ceiling. */
export const ceilingSql = (column: CeilingColumn, c: Ceiling): Prisma.Sql =>
  "below" in c ? Prisma.sql`f.${Prisma.raw(column)} < ${c.below}` : Prisma.sql`f.${Prisma.raw(column)} <= ${c.atMost}`;

/**
 * Per severity (or "*" for all the filter's), a ceiling on the `column` value of every finding the
 * filter matches, or:
 * - `null`: none of them has a value (the page's segment of valued findings is empty, not walked);
 * - absent (the whole map `undefined`): no ceiling known (no package filter, one narrowed by something
 *   else, a value at the clamp's top or out of range, more further-listed findings than `cap`).
 * The findings listing the package first are bounded by their index (one descent per status and
 * severity), those listing it further down by reading their values.
 */
export async function packageSortCeilings(scope: Scope, filter: ResolvedFilter, column: CeilingColumn, cap = furtherCap): Promise<Map<string, Ceiling | null> | undefined> {
  const split = packageSplit(scope, filter);
  if (!split || filter.status.length === 0) return undefined;
  const { scale, max, bySeverity } = BUCKETS[column];
  const bucket = bucketSql("f", column);
  const severities: readonly string[] = filter.severity.length ? filter.severity : severityOrder;
  // One region narrows the descents; several are left out (a bound over more findings is still one).
  const region = filter.region.length === 1 ? Prisma.sql` AND f.region = ${filter.region[0]}` : Prisma.empty;
  const descent = (status: (typeof filter.status)[number], severity?: string) => Prisma.sql`(SELECT ${bucket} FROM findings f
    WHERE f.package_names[1] = ${split.name} AND ${statusInSql("f", [status])}${severity ? Prisma.sql` AND f.severity = ${severity}` : Prisma.empty}
    AND ${bucket} IS NOT NULL${region} ORDER BY ${bucket} DESC LIMIT 1)`;
  const tops = (severity?: string) => Prisma.sql`greatest(${Prisma.join(filter.status.map((s) => descent(s, severity)), ", ")})::int`;
  const keys = bySeverity ? severities : ["*"];
  const col = Prisma.raw(`f.${column}`);
  const [row] = await queryRows<{ first: (number | null)[]; further: number; further_top: (number | null)[] }>(Prisma.sql`SELECT
    ARRAY[${Prisma.join(keys.map((s) => tops(bySeverity ? s : undefined)), ", ")}] AS first,
    further.n::int AS further, further.top AS further_top
    FROM (SELECT count(*) AS n, ARRAY[${Prisma.join(keys.map((s) => bySeverity ? Prisma.sql`max(v) FILTER (WHERE sev = ${s})` : Prisma.sql`max(v)`), ", ")}]::float8[] AS top
      FROM (SELECT ${col} AS v, f.severity AS sev FROM ${split.further.from} WHERE ${split.further.where} LIMIT ${cap + 1}) capped) further`);
  if (!row || row.further > cap) return undefined;
  const top = Math.round(max * scale);
  if (row.first.some((b) => b !== null && b >= top)) return undefined;
  const ceilings = new Map<string, Ceiling | null>();
  keys.forEach((key, i) => ceilings.set(key, combine(row.first[i] === null ? null : { below: firstOfBucket(row.first[i]! + 1, scale) }, row.further_top[i])));
  // The score sort's one segment walks every severity the filter asks for.
  if (bySeverity) ceilings.set("*", [...ceilings.values()].reduce<Ceiling | null>((a, b) => higher(a, b), null));
  return ceilings;
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
