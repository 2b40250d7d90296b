// The cache's side of the integrity check: open findings (lib/queries/lifecycle-sql.ts) per account,
// read from the rollups (kept with the findings by triggers, and checked against a recount after
// every full sync) rather than counting each region's open findings on every run.
import type pg from "pg";
import type { SeverityCounts } from "./account-aggregation";
import { lifecycleText } from "@/lib/queries/lifecycle-sql";

export async function cacheCounts(db: Pick<pg.Pool, "query">, region: string, accountIds?: string[]): Promise<Map<string, SeverityCounts>> {
  const { rows } = await db.query(
    `SELECT account_id,
       coalesce(sum(findings) FILTER (WHERE severity = 'CRITICAL'), 0)::int AS critical,
       coalesce(sum(findings) FILTER (WHERE severity = 'HIGH'), 0)::int AS high,
       coalesce(sum(findings) FILTER (WHERE severity = 'MEDIUM'), 0)::int AS medium,
       sum(findings)::int AS "all"
     FROM finding_rollups
     WHERE region = $1 AND ${lifecycleText("open")} AND ($2::text[] IS NULL OR account_id = ANY($2::text[]))
     GROUP BY account_id HAVING sum(findings) > 0`,
    [region, accountIds ?? null],
  );
  return new Map(rows.map((r) => [r.account_id as string, { critical: r.critical, high: r.high, medium: r.medium, all: r.all }]));
}
