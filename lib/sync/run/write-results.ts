// Per-region and per-account results of a run, and each account's current sync status.
import type pg from "pg";
import type { RegionOutcome } from "../region-sync";

type Queryable = Pick<pg.Pool, "query">;

export async function writeRegionResult(db: Queryable, runId: number, o: RegionOutcome, at: Date): Promise<void> {
  const f = o.findings;
  const c = o.coverage;
  const checks = {
    mode: f?.mode ?? null,
    listedInFull: f ? { accounts: f.membersListedInFull, of: f.members } : null,
    timings: o.timings ?? null,
    complete: f?.complete ?? false,
    gone: f?.gone ?? 0,
    coverage: c ? { listed: c.listed, statisticsTotal: c.statisticsTotal, match: c.statisticsTotal === null ? null : c.statisticsTotal === c.listed } : null,
    integrity: o.integrity
      ? { accounts: o.integrity.results.size, mismatched: [...o.integrity.results].filter(([, r]) => !r.match).map(([id]) => id),
          repaired: o.integrity.repaired, skipped: o.integrity.skipped, error: o.integrity.error ?? null }
      : null,
  };
  await db.query(
    `INSERT INTO sync_region_results (run_id, region, status, error, findings_seen, pages, coverage_seen, watermark_from, watermark_to, duration_ms, checks)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
    [runId, o.region, o.status, o.error, f?.partitions.reduce((n, p) => n + p.findings, 0) ?? 0,
      (f?.partitions.reduce((n, p) => n + p.pages, 0) ?? 0) + (c?.pages ?? 0), c?.listed ?? 0,
      f?.since ?? null, f?.complete ? f.pollStart : null, o.durationMs, JSON.stringify(checks)],
  );
  const ids = [...o.accounts.keys()];
  if (!ids.length) return;
  const acc = ids.map((id) => o.accounts.get(id)!);
  const integ = ids.map((id) => o.integrity?.results.get(id));
  await db.query(
    `INSERT INTO sync_account_results (run_id, account_id, region, status, error, findings, integrity_match, cache_counts, api_counts,
       integrity_residual, integrity_repaired)
     SELECT $1, t.id, $2, t.status, t.error, t.findings, t.match, t.cache, t.api, t.residual, t.repaired
     FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::bool[], $8::jsonb[], $9::jsonb[], $10::int[], $11::bool[])
       AS t(id, status, error, findings, match, cache, api, residual, repaired)`,
    [runId, o.region, ids, acc.map((a) => a.status), acc.map((a) => a.error), acc.map((a) => a.findings),
      integ.map((r) => r?.match ?? null), integ.map((r) => (r ? JSON.stringify(r.cache) : null)), integ.map((r) => (r ? JSON.stringify(r.api) : null)),
      integ.map((r) => r?.residual ?? null), integ.map((r) => r?.repaired ?? false)],
  );
  await db.query(
    `UPDATE account_regions r SET sync_status = t.status, sync_error = t.error,
       last_synced_at = CASE WHEN t.status IN ('OK', 'INSPECTOR_DISABLED') THEN $4 ELSE r.last_synced_at END
     FROM unnest($2::text[], $3::text[], $5::text[]) AS t(id, status, error)
     WHERE r.region = $1 AND r.account_id = t.id`,
    [o.region, ids, acc.map((a) => a.status), at, acc.map((a) => a.error)],
  );
}
