// The highest Inspector score a package filter's page can start from. A page in score order walks
// the score index and tests the package on every entry it passes: for a package whose findings all
// score below most others (openssl at 7.5), that was every higher-scored finding first (2.48M
// entries, 553 ms at 10M). Started at the package's own highest score it passes a few hundred.
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { statusInSql } from "@/lib/queries/lifecycle-sql";
import type { ResolvedFilter } from "./resource-match";
import { packageSplit } from "./findings-where";

/** The score in tenths, clamped to 0–10, as the first-package index holds it (migration
 *  findings_first_package_score_index: an integer so that btree deduplication folds it). NULL when
 *  unscored. */
export const scoreTenthsSql = (alias: string) =>
  Prisma.raw(`(CASE WHEN ${alias}.inspector_score IS NOT NULL THEN floor(least(greatest(${alias}.inspector_score, 0), 10) * 10) END)::smallint`);

/** The clamp's top: a score of 10 or more (or out of range) gives no ceiling. */
const TOP_TENTHS = 100;

/** How many findings listing the package further down are read for their highest score (their rows,
 *  through the GIN index of findings with several packages: 4-6 ms for 1,001 of 20,000 at 2M findings); beyond it the page
 *  walks without a ceiling, as before, rather than read more rows on every page than the walk passes. */
export const furtherCap = 1_000;

/**
 * An upper bound on the score of every finding the filter matches, or:
 * - `null`: none of them is scored (the scored segment of the page is empty, and need not be walked);
 * - `undefined`: no bound known (no package filter, one narrowed by something else, a score of 10 or
 *   out of range, or more findings listing the package further down than `furtherCap`).
 * The findings listing the package first are bounded by the first-package index (one descent per
 * status), those listing it further down by reading their scores.
 */
export async function packageScoreCeiling(scope: Scope, filter: ResolvedFilter, cap = furtherCap): Promise<number | null | undefined> {
  const split = packageSplit(scope, filter);
  if (!split || filter.status.length === 0) return undefined;
  const tenths = scoreTenthsSql("f");
  // One region narrows the descent; several are left out (a bound over more findings is still one).
  const region = filter.region.length === 1 ? Prisma.sql` AND f.region = ${filter.region[0]}` : Prisma.empty;
  const firstTop = (status: (typeof filter.status)[number]) => Prisma.sql`(SELECT ${tenths} FROM findings f
    WHERE f.package_names[1] = ${split.name} AND ${statusInSql("f", [status])} AND ${tenths} IS NOT NULL${region}
    ORDER BY ${tenths} DESC LIMIT 1)`;
  const [row] = await queryRows<{ tenths: number | null; further: number; further_top: number | null }>(Prisma.sql`SELECT
    greatest(${Prisma.join(filter.status.map(firstTop), ", ")})::int AS tenths, further.n::int AS further, further.top AS further_top
    FROM (SELECT count(*) AS n, max(s) AS top FROM (SELECT f.inspector_score AS s FROM ${split.further.from}
      WHERE ${split.further.where} LIMIT ${cap + 1}) capped) further`);
  if (!row || row.further > cap || (row.tenths ?? 0) >= TOP_TENTHS) return undefined;
  // A score s is in tenth floor(10·s): below (tenths + 1) / 10, with half a tenth to spare for the
  // rounding of s · 10 in floating point.
  const first = row.tenths === null ? null : (row.tenths + 1.5) / 10;
  if (first === null) return row.further_top;
  return row.further_top === null ? first : Math.max(first, row.further_top);
}
