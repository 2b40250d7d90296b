// The cache's side of the integrity check: open findings (lib/queries/lifecycle-sql.ts) per account.
import type pg from "pg";
import type { SeverityCounts } from "./account-aggregation";
import { lifecycleText } from "@/lib/queries/lifecycle-sql";

export async function cacheCounts(db: Pick<pg.Pool, "query">, region: string, accountIds?: string[]): Promise<Map<string, SeverityCounts>> {
  const { rows } = await db.query(
    `SELECT account_id,
       count(*) FILTER (WHERE severity = 'CRITICAL')::int AS critical,
       count(*) FILTER (WHERE severity = 'HIGH')::int AS high,
       count(*) FILTER (WHERE severity = 'MEDIUM')::int AS medium,
       count(*)::int AS "all"
     FROM findings
     WHERE region = $1 AND ${lifecycleText("open")} AND ($2::text[] IS NULL OR account_id = ANY($2::text[]))
     GROUP BY account_id`,
    [region, accountIds ?? null],
  );
  return new Map(rows.map((r) => [r.account_id as string, { critical: r.critical, high: r.high, medium: r.medium, all: r.all }]));
}
