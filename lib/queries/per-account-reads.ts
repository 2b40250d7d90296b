// The accounts and coverage pages' per-account reads, memoised once per request (React's cache) and
// across requests until the cache's data changes (perAccountMemo: the version the overview's memo reads,
// which a sync run's progress and any write to findings, accounts or account_regions move; coverage
// and usage are written only by a run). Each reads every account in scope: the coverage counts scan
// every covered resource (~100 ms at 1M findings, 152k resources), and on a synced 1M cache of 1,001
// accounts under 50 viewers the accounts page answered 10 requests/s (p99 11 s) and the coverage page
// 7 (p99 10 s) while each view read them anew. Callers must not change what they get: it is shared.
import { cache } from "react";
import type { Scope } from "@/lib/queries/scope";
import { perAccountMemo } from "@/lib/queries/posture/sync-version";
import { getCoverageMatrix } from "@/lib/queries/coverage/coverage-matrix";
import { getDisabledAccounts, getSilentAccounts, getUnscannedByReason, getUnsyncedRegions } from "@/lib/queries/coverage/coverage-gaps";
import { heatmapRows } from "@/lib/queries/posture/heatmap-data";
import { getCostByAccount } from "@/lib/queries/cost/usage-cost";

const memoised = <T>(name: string, read: (scope: Scope) => Promise<T>) =>
  cache((scope: Scope): Promise<T> => perAccountMemo().get(`${name}:${JSON.stringify(scope)}`, () => read(scope)));

export const coverageMatrix = memoised("coverage-matrix", (scope) => getCoverageMatrix(scope));
export const unscannedByReason = memoised("unscanned-reasons", (scope) => getUnscannedByReason(scope));
export const disabledAccountRegions = memoised("disabled", getDisabledAccounts);
export const silentAccountRegions = memoised("silent", getSilentAccounts);
export const unsyncedAccountRegions = memoised("unsynced", getUnsyncedRegions);
/** Every AWS account's open findings by severity, every region (the accounts page's table): the
 *  organization-wide overview's heatmap rows (memoised there, and warmed after a run) without other
 *  clouds' rows, which have no account page. */
export const accountsHeatmap = cache(async (scope: Scope) => (await heatmapRows(scope, { region: [], inUse: "only" })).filter((r) => !r.provider));
export const costByAccount = memoised("cost-by-account", (scope) => getCostByAccount(scope));
