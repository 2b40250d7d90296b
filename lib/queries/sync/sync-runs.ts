// Sync history for the Sync page: recent runs, and one run's per-region and per-account results
// (errors first, then integrity mismatches between the cache and Inspector's own counts).
import { Prisma, queryOne, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";

export interface SyncRunRow {
  id: number;
  trigger: string;
  started_at: Date;
  finished_at: Date | null;
  outcome: string;
  mode: string;
  findings_upserted: number;
  coverage_upserted: number;
  api_requests: number;
  throttled: number;
  error: string | null;
  notes: unknown;
  progress: unknown;
}

/** Runs are organization-wide; the scope only narrows the per-account results below. Read on the
 *  primary: the sync writes there, and the page that starts a run shows it at once. */
export async function listSyncRuns(_scope: Scope, limit = 20): Promise<SyncRunRow[]> {
  return queryRows<SyncRunRow>(Prisma.sql`SELECT * FROM sync_runs ORDER BY started_at DESC LIMIT ${limit}`, "primary");
}

export interface SyncRegionRow {
  region: string;
  status: string;
  error: string | null;
  findings_seen: number;
  pages: number;
  coverage_seen: number;
  watermark_from: Date | null;
  watermark_to: Date | null;
  duration_ms: number | null;
  checks: Record<string, unknown>;
}

export interface SyncAccountRow {
  account_id: string;
  account_name: string | null;
  region: string;
  status: string;
  error: string | null;
  findings: number;
  integrity_match: boolean | null;
  cache_counts: Record<string, number> | null;
  api_counts: Record<string, number> | null;
  /** Sum of |cache − Inspector| over the severity cells after repairs; 0 = match, null = not checked. */
  integrity_residual: number | null;
  integrity_repaired: boolean;
}

export async function getSyncRun(scope: Scope, id: number) {
  const run = await queryOne<SyncRunRow>(Prisma.sql`SELECT * FROM sync_runs WHERE id = ${id}`, "primary");
  if (!run) return undefined;
  const [regions, accounts, totals] = await Promise.all([
    queryRows<SyncRegionRow>(Prisma.sql`SELECT region, status, error, findings_seen, pages, coverage_seen, watermark_from, watermark_to, duration_ms, checks
      FROM sync_region_results WHERE run_id = ${id} ORDER BY region`, "primary"),
    queryRows<SyncAccountRow>(Prisma.sql`
      SELECT s.account_id, a.name AS account_name, s.region, s.status, s.error, s.findings, s.integrity_match, s.cache_counts, s.api_counts,
        s.integrity_residual, s.integrity_repaired
      FROM sync_account_results s LEFT JOIN accounts a ON a.id = s.account_id
      WHERE s.run_id = ${id} AND ${scopeWhere(scope, Prisma.sql`s.account_id`)}
        AND (s.status <> 'OK' OR s.integrity_match IS FALSE OR s.integrity_repaired)
      ORDER BY (s.status = 'OK'), s.account_id, s.region LIMIT 500`, "primary"),
    queryOne<{ total: number; ok: number; mismatched: number; checked: number; residual: number | null; repaired: number }>(Prisma.sql`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE s.status = 'OK')::int AS ok,
        count(*) FILTER (WHERE s.integrity_match IS FALSE)::int AS mismatched, count(s.integrity_match)::int AS checked,
        sum(s.integrity_residual)::int AS residual, count(*) FILTER (WHERE s.integrity_repaired)::int AS repaired
      FROM sync_account_results s WHERE s.run_id = ${id} AND ${scopeWhere(scope, Prisma.sql`s.account_id`)}`, "primary"),
  ]);
  return { run, regions, problemAccounts: accounts, accountTotals: totals ?? { total: 0, ok: 0, mismatched: 0, checked: 0, residual: null, repaired: 0 } };
}
