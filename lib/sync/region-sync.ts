// Everything for one region after the accounts step: findings, coverage, integrity (with a
// repair re-listing of mismatching accounts), and the per-account outcome. AWS failures stay
// inside the region's result; only database failures and aborts propagate.
import type { RegionAccounts } from "./accounts/inspector-accounts";
import { planRegionAccounts } from "./findings/plan-accounts";
import type { AccountLifecycle } from "@/lib/domain/lifecycle";
import { accountSyncStatus } from "./account-status";
import type { SyncContext } from "./context";
import { syncRegionCoverage, type RegionCoverageResult } from "./coverage/region-coverage";
import { syncRegionFindings, type RegionFindingsResult } from "./findings/region-findings";
import { inspectorEnabled } from "./map/account-state";
import { checkRegionIntegrity, type RegionIntegrity } from "./integrity/region-integrity";
import type { AccountSyncStatus } from "@/lib/domain/finding-enums";
import { settleAll } from "./util/map-limit";
import { applyCoverageUsage } from "./coverage/image-usage";
import { syncEcrRescan } from "./config/ecr-rescan";
import type { EnrichmentResult } from "./enrich/enrich-region";

export interface AccountOutcome {
  status: AccountSyncStatus;
  error: string | null;
  findings: number;
}

export interface RegionOutcome {
  region: string;
  status: "OK" | "PARTIAL" | "ACCESS_DENIED" | "ERROR";
  error: string | null;
  findings?: RegionFindingsResult;
  coverage?: RegionCoverageResult;
  integrity?: RegionIntegrity;
  /** Finding details (KEV…), fetched once every region is listed (enrich-regions.ts); undefined when off. */
  enrichment?: EnrichmentResult;
  accounts: Map<string, AccountOutcome>;
  durationMs: number;
  /** Wall times; coverage runs alongside the findings, so coverageMs is what it added after them. */
  timings?: { findingsMs: number; coverageMs: number; integrityMs: number };
}

export async function syncRegion(ctx: SyncContext, region: string, ra: RegionAccounts, lifecycles: Map<string, AccountLifecycle>): Promise<RegionOutcome> {
  const t0 = performance.now();
  const p = ctx.progress.region(region);
  const { accounts, fullAccounts, goneReasons } = await planRegionAccounts(ctx.pool, region, ra, lifecycles);
  const since = () => Math.round(performance.now() - t0);
  p.phase = "findings";
  // Coverage is another API operation with its own rate budget: list it alongside the findings.
  let findingsDone = 0;
  let coverageDone = 0;
  const [findings, coverage] = (await settleAll<unknown>(
    [
      syncRegionFindings(ctx, region, accounts, { forceFull: ctx.forceFull, fullAccounts, goneReasons }).then((f) => {
        findingsDone = since();
        if (p.phase === "findings") p.phase = "coverage";
        return f;
      }),
      syncRegionCoverage(ctx, region, accounts).then((c) => {
        coverageDone = since();
        return c;
      }),
    ],
    (err) => ctx.stopRun(err instanceof Error ? err.message : String(err)),
  )) as [RegionFindingsResult, RegionCoverageResult];
  const listed = since();
  // Images in use: coverage's fresher usage onto the findings, and the region's ECR re-scan setting.
  await Promise.all([applyCoverageUsage(ctx.pool, region), syncEcrRescan(ctx, region)]);
  p.phase = "integrity";
  const integrity = await checkRegionIntegrity(ctx, region, accounts, goneReasons);
  const timings = { findingsMs: findingsDone, coverageMs: Math.max(0, coverageDone - findingsDone), integrityMs: since() - listed };

  const listingErrors = new Map<string, unknown>();
  for (const r of findings.partitions) if (r.error) for (const a of r.partition.accounts) listingErrors.set(a, r.error);
  for (const [a, e] of coverage.failedAccounts) if (!listingErrors.has(a)) listingErrors.set(a, e);

  const out = new Map<string, AccountOutcome>();
  for (const a of accounts) {
    const s = accountSyncStatus({ listingError: listingErrors.get(a), enabled: inspectorEnabled(ra.states.get(a), ra.relationships.get(a)) });
    out.set(a, { ...s, findings: findings.perAccount.get(a) ?? 0 });
  }
  const failed = [...out.values()].filter((o) => o.status === "ACCESS_DENIED" || o.status === "ERROR");
  const allDenied = failed.length === accounts.length && failed.every((o) => o.status === "ACCESS_DENIED");
  p.phase = "done";
  return {
    region,
    status: !failed.length ? "OK" : allDenied ? "ACCESS_DENIED" : failed.length === accounts.length ? "ERROR" : "PARTIAL",
    error: failed[0]?.error ?? null,
    findings, coverage, integrity, accounts: out, timings,
    durationMs: Math.round(performance.now() - t0),
  };
}

/** A region that failed before listing (checks or accounts): every account there shares its error. */
export function failedRegion(region: string, err: unknown, accountIds: string[]): RegionOutcome {
  const s = accountSyncStatus({ regionError: err, enabled: { ok: true } });
  return {
    region,
    status: s.status === "ACCESS_DENIED" ? "ACCESS_DENIED" : "ERROR",
    error: s.error,
    accounts: new Map(accountIds.map((a) => [a, { status: s.status, error: s.error, findings: 0 }])),
    durationMs: 0,
  };
}
