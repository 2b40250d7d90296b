// CIS benchmark scans of one region: the newest scans (first pages, newest first) and, for each
// account's latest completed scan, its per-check results. Stored in place of the region's rows.
import { ListCisScanResultsAggregatedByChecksCommand, ListCisScansCommand, type Inspector2Client } from "@aws-sdk/client-inspector2";
import type pg from "pg";
import { latestScans, toCisCheckRow, toCisScanRow, type CisCheckRow, type CisScanRow } from "../map/cis-rows";
import { withTransaction } from "@/lib/db/transaction";

const MAX_SCAN_PAGES = 3;

export async function readCisScans(c: Inspector2Client): Promise<{ scans: CisScanRow[]; checks: CisCheckRow[] }> {
  const scans: CisScanRow[] = [];
  let nextToken: string | undefined;
  for (let p = 0; p < MAX_SCAN_PAGES; p++) {
    const r = await c.send(new ListCisScansCommand({ detailLevel: "ORGANIZATION", sortBy: "SCAN_START_DATE", sortOrder: "DESC", maxResults: 50, nextToken }));
    for (const s of r.scans ?? []) { const row = toCisScanRow(s); if (row) scans.push(row); }
    nextToken = r.nextToken || undefined;
    if (!nextToken) break;
  }
  const checks: CisCheckRow[] = [];
  for (const scanArn of latestScans(scans)) {
    let token: string | undefined;
    do {
      const r = await c.send(new ListCisScanResultsAggregatedByChecksCommand({ scanArn, maxResults: 100, nextToken: token }));
      for (const x of r.checkAggregations ?? []) { const row = toCisCheckRow(x); if (row) checks.push(row); }
      token = r.nextToken || undefined;
    } while (token);
  }
  return { scans, checks };
}

export async function writeCisScans(pool: pg.Pool, region: string, d: Awaited<ReturnType<typeof readCisScans>>, at: Date): Promise<void> {
  await withTransaction(pool, async (c) => {
    await c.query("DELETE FROM cis_scans WHERE region = $1", [region]); // cascades to the check results
    for (const s of d.scans) {
      await c.query(
        `INSERT INTO cis_scans (scan_arn, region, scan_configuration_arn, scan_name, status, scan_date, failed_checks, total_checks, security_level, account_ids, read_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (scan_arn) DO NOTHING`,
        [s.scanArn, region, s.scanConfigurationArn, s.scanName, s.status, s.scanDate, s.failedChecks, s.totalChecks, s.securityLevel, s.accountIds, at]);
    }
    const k = d.checks;
    await c.query(
      `INSERT INTO cis_check_results (scan_arn, check_id, account_id, title, level, platform, failed, passed, skipped)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[])
       ON CONFLICT DO NOTHING`,
      [k.map((x) => x.scanArn), k.map((x) => x.checkId), k.map((x) => x.accountId), k.map((x) => x.title), k.map((x) => x.level),
        k.map((x) => x.platform), k.map((x) => x.failed), k.map((x) => x.passed), k.map((x) => x.skipped)]);
  });
}
