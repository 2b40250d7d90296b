// Integrity of one region after its listing: cache ACTIVE counts vs ListFindingAggregations.
// An account that disagrees after a complete listing is re-listed in full once (which also
// marks what AWS no longer returns as gone) and compared again; what still differs is reported.
import { AwsCallError } from "@/lib/aws/errors";
import type { SyncContext } from "../context";
import { markGone } from "../findings/gone";
import { listPartition } from "../findings/list-partition";
import { planPartitions } from "../findings/partitions";
import type { RegionFindingsResult } from "../findings/region-findings";
import { accountAggregation } from "./account-aggregation";
import { cacheCounts } from "./cache-counts";
import { compareCounts, type IntegrityResult } from "./compare-counts";

export interface RegionIntegrity {
  results: Map<string, IntegrityResult>;
  repaired: string[];
  error?: string;
}

const MAX_REPAIRS = 10;

export async function checkRegionIntegrity(
  ctx: SyncContext,
  region: string,
  accounts: string[],
  findings: RegionFindingsResult,
): Promise<RegionIntegrity> {
  let api;
  try {
    api = await accountAggregation(ctx.aws.inspector(region));
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
    return { results: new Map(), repaired: [], error: err.message };
  }
  let results = compareCounts(accounts, await cacheCounts(ctx.pool, region), api);
  const listed = new Set(findings.partitions.filter((r) => !r.error).flatMap((r) => r.partition.accounts));
  const toRepair = [...results].filter(([id, r]) => !r.match && listed.has(id)).map(([id]) => id).slice(0, MAX_REPAIRS);
  const repaired: string[] = [];
  for (const id of toRepair) {
    const [partition] = planPartitions({ accounts: [id] });
    const r = await listPartition(ctx, region, partition);
    if (r.error) continue;
    await markGone(ctx.pool, { region, accountIds: [id] }, ctx.startedAt, ctx.now(), ctx.runId);
    repaired.push(id);
  }
  if (repaired.length) {
    results = compareCounts(accounts, await cacheCounts(ctx.pool, region), api);
    ctx.notes.push({
      kind: "integrity",
      region,
      message: `re-listed ${repaired.length} account(s) whose counts disagreed with Inspector: ${repaired.join(", ")}`,
    });
  }
  return { results, repaired };
}
