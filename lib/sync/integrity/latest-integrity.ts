// The integrity check as the sync page and the account page show it: per account and region, the
// latest run that compared it with Inspector, the residual mismatch left after repairs (0 = match),
// whether it was re-listed to repair it, and both sides' open counts per severity.
import type pg from "pg";
import type { SeverityCounts } from "./account-aggregation";

export interface AccountIntegrity {
  accountId: string;
  region: string;
  runId: number;
  checkedAt: Date;
  match: boolean;
  residual: number;
  repaired: boolean;
  cache: SeverityCounts;
  inspector: SeverityCounts;
}

/** `scope`: the account IDs the viewer may see (null = all); `accountId` narrows to one account. */
export async function latestIntegrity(db: Pick<pg.Pool, "query">, scope: string[] | null, accountId?: string): Promise<AccountIntegrity[]> {
  const { rows } = await db.query(
    `SELECT DISTINCT ON (s.account_id, s.region) s.account_id, s.region, s.run_id, r.started_at, s.integrity_match,
       s.integrity_residual, s.integrity_repaired, s.cache_counts, s.api_counts
     FROM sync_account_results s JOIN sync_runs r ON r.id = s.run_id
     WHERE s.integrity_match IS NOT NULL AND ($1::text[] IS NULL OR s.account_id = ANY($1::text[])) AND ($2::text IS NULL OR s.account_id = $2)
     ORDER BY s.account_id, s.region, s.run_id DESC`,
    [scope, accountId ?? null],
  );
  return rows.map((r) => ({
    accountId: r.account_id, region: r.region, runId: r.run_id, checkedAt: r.started_at, match: r.integrity_match,
    residual: r.integrity_residual ?? (r.integrity_match ? 0 : 1), repaired: r.integrity_repaired, cache: r.cache_counts, inspector: r.api_counts,
  }));
}
