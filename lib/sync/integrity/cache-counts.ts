// The cache's side of the integrity check: open findings per account and severity.
import type pg from "pg";
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import type { SeverityCounts } from "./account-aggregation";

export async function cacheCounts(db: Pick<pg.Pool, "query">, region: string, accountIds?: string[]): Promise<Map<string, SeverityCounts>> {
  const { rows } = await db.query(
    `SELECT account_id,
       count(*) FILTER (WHERE severity = 'CRITICAL')::int AS critical,
       count(*) FILTER (WHERE severity = 'HIGH')::int AS high,
       count(*) FILTER (WHERE severity = 'MEDIUM')::int AS medium,
       count(*)::int AS "all"
     FROM findings
     WHERE region = $1 AND status = $3 AND ($2::text[] IS NULL OR account_id = ANY($2::text[]))
     GROUP BY account_id`,
    [region, accountIds ?? null, OPEN_STATUS],
  );
  return new Map(rows.map((r) => [r.account_id as string, { critical: r.critical, high: r.high, medium: r.medium, all: r.all }]));
}
