// A sort value cut to an integer, as the first-package indexes key it (migration
// findings_first_package_sort_indexes): btree deduplication does not fold float8 keys.
import { Prisma } from "@/lib/queries/sql";

export type BucketColumn = "inspector_score" | "epss_score";

/** Each value's buckets: clamped to [0, max], times `scale`, floored, a smallint; NULL when the
 *  finding has none. The score's index keys the severity before it (the severity sort's segments). */
export const BUCKETS: Record<BucketColumn, { scale: number; max: number; bySeverity: boolean }> = {
  inspector_score: { scale: 10, max: 10, bySeverity: true },
  epss_score: { scale: 1000, max: 1, bySeverity: false },
};

export function bucketSql(alias: string, column: BucketColumn): Prisma.Sql {
  const { scale, max } = BUCKETS[column];
  const c = `${alias}.${column}`;
  return Prisma.raw(`(CASE WHEN ${c} IS NOT NULL THEN floor(least(greatest(${c}, 0), ${max}) * ${scale}) END)::smallint`);
}
