// Integrity of one region after its listing: the cache's open counts per account × severity vs
// ListFindingAggregations (ACCOUNT; Inspector's aggregations count ACTIVE findings only, and the
// request takes no status filter). EVERY account that disagrees is re-listed in full (which also
// marks what AWS no longer returns GONE) within the time budget, then compared again; the residual
// per account is stored on sync_account_results.
import { AwsCallError } from "@/lib/aws/errors";
import type { GoneReason } from "@/lib/domain/lifecycle";
import type { SyncContext } from "../context";
import { markGone } from "../findings/gone";
import { listPartition, partitionComplete } from "../findings/list-partition";
import { planPartitions } from "../findings/partitions";
import { mapLimit } from "../util/map-limit";
import { accountAggregation } from "./account-aggregation";
import { cacheCounts } from "./cache-counts";
import { compareCounts, type IntegrityResult } from "./compare-counts";

export interface RegionIntegrity {
  results: Map<string, IntegrityResult>;
  repaired: string[];
  /** Mismatching accounts the time budget left un-repaired. */
  skipped: string[];
  error?: string;
}

export const DEFAULT_INTEGRITY_BUDGET_MS = 5 * 60_000;

export async function checkRegionIntegrity(ctx: SyncContext, region: string, accounts: string[], reasons: Map<string, GoneReason>): Promise<RegionIntegrity> {
  let api;
  try {
    api = await accountAggregation(ctx.aws.inspector(region));
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
    return { results: new Map(), repaired: [], skipped: [], error: err.message };
  }
  let results = compareCounts(accounts, await cacheCounts(ctx.pool, region), api);
  const deadline = performance.now() + (ctx.config.integrityBudgetMs ?? DEFAULT_INTEGRITY_BUDGET_MS);
  const mismatched = [...results].filter(([, r]) => !r.match).map(([id]) => id);
  const repaired: string[] = [];
  const skipped: string[] = [];
  await mapLimit(mismatched, ctx.config.partitionConcurrency, async (id) => {
    if (performance.now() > deadline) return void skipped.push(id);
    const rs = await mapLimit(planPartitions({ accounts: [id] }), 1, (p) => listPartition(ctx, region, p));
    if (!rs.every(partitionComplete)) return;
    await markGone(ctx.pool, region, new Map([[id, reasons.get(id) ?? "RETENTION"]]), ctx.startedAt, ctx.now(), ctx.runId);
    repaired.push(id);
  });
  if (repaired.length) {
    results = compareCounts(accounts, await cacheCounts(ctx.pool, region), api);
    for (const id of repaired) results.get(id)!.repaired = true;
    ctx.notes.push({ kind: "integrity", region, message: `re-listed ${repaired.length} account(s) whose counts disagreed with Inspector: ${repaired.sort().join(", ")}` });
  }
  if (skipped.length) {
    ctx.notes.push({ kind: "integrity", region, message: `time budget spent: ${skipped.length} mismatching account(s) not re-listed this run: ${skipped.sort().join(", ")}` });
  }
  return { results, repaired, skipped };
}
