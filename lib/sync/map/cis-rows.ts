// ListCisScans / ListCisScanResultsAggregatedByChecks → cis_scans and cis_check_results rows, and
// which scans are the latest completed one of some account (only those get their checks read). Pure.
import type { CisCheckAggregation, CisScan } from "@aws-sdk/client-inspector2";

export interface CisScanRow {
  scanArn: string;
  scanConfigurationArn: string | null;
  scanName: string | null;
  status: string | null;
  scanDate: Date | null;
  failedChecks: number | null;
  totalChecks: number | null;
  securityLevel: string | null;
  accountIds: string[];
}

export interface CisCheckRow {
  scanArn: string;
  checkId: string;
  accountId: string;
  title: string | null;
  level: string | null;
  platform: string | null;
  failed: number | null;
  passed: number | null;
  skipped: number | null;
}

const int = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? Math.round(v) : null);

export function toCisScanRow(s: Partial<CisScan>): CisScanRow | null {
  if (!s.scanArn) return null;
  return {
    scanArn: s.scanArn, scanConfigurationArn: s.scanConfigurationArn ?? null, scanName: s.scanName ?? null, status: s.status ?? null,
    scanDate: s.scanDate ?? null, failedChecks: int(s.failedChecks), totalChecks: int(s.totalChecks), securityLevel: s.securityLevel ?? null,
    accountIds: [...(s.targets?.accountIds ?? [])],
  };
}

export function toCisCheckRow(c: Partial<CisCheckAggregation>): CisCheckRow | null {
  if (!c.scanArn || !c.checkId || !c.accountId) return null;
  const n = c.statusCounts;
  return {
    scanArn: c.scanArn, checkId: c.checkId, accountId: c.accountId, title: c.title ?? null, level: c.level ?? null, platform: c.platform ?? null,
    failed: int(n?.failed), passed: int(n?.passed), skipped: int(n?.skipped),
  };
}

/** Per account, its newest completed scan; the distinct scans that are someone's latest. */
export function latestScans(scans: CisScanRow[]): string[] {
  const best = new Map<string, CisScanRow>();
  for (const s of scans) {
    if (s.status !== "COMPLETED" || !s.scanDate) continue;
    for (const a of s.accountIds) {
      const b = best.get(a);
      if (!b || b.scanDate! < s.scanDate) best.set(a, s);
    }
  }
  return [...new Set([...best.values()].map((s) => s.scanArn))];
}
