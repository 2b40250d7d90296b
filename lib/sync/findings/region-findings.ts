// One region's findings: choose full or incremental, plan partitions, list them in parallel
// (the rate limiter paces the requests), then — only if every partition completed — mark what
// a full listing no longer returned as gone and advance the watermark.
import type { SyncContext } from "../context";
import { accountAggregation } from "../integrity/account-aggregation";
import { mapLimit } from "../util/map-limit";
import { markGone } from "./gone";
import { listPartition, type PartitionResult } from "./list-partition";
import { LARGE_ACCOUNT, planPartitions } from "./partitions";
import { advanceWatermark, listingMode, readWatermark } from "./watermark";

export interface RegionFindingsResult {
  mode: "FULL" | "INCREMENTAL";
  since: Date | null;
  pollStart: Date;
  partitions: PartitionResult[];
  complete: boolean;
  gone: number;
  /** Wall time of the listing and its writes, for progress and benchmarks. */
  listingMs: number;
}

export async function syncRegionFindings(
  ctx: SyncContext,
  region: string,
  accounts: string[],
  opts: { forceFull?: boolean } = {},
): Promise<RegionFindingsResult> {
  const pollStart = ctx.now();
  const t0 = performance.now();
  const watermark = await readWatermark(ctx.pool, region);
  const mode = listingMode(watermark, pollStart, ctx.config.fullSyncEveryMs, opts.forceFull);
  const since = mode === "INCREMENTAL" && watermark ? new Date(watermark.findingsSince.getTime() - ctx.config.overlapMs) : undefined;
  const progress = ctx.progress.region(region);
  progress.mode = mode;

  let large: Set<string> | undefined;
  if (mode === "FULL") {
    // Sizes for the ETA and for splitting big accounts; optional, the listing works without.
    const counts = await accountAggregation(ctx.aws.inspector(region)).catch(() => undefined);
    if (counts) {
      progress.expectedActive = [...counts.values()].reduce((n, c) => n + c.all, 0);
      large = new Set([...counts].filter(([, c]) => c.all > LARGE_ACCOUNT).map(([id]) => id));
    }
  }
  const partitions = planPartitions({ accounts, since, large });
  progress.partitionsTotal = partitions.length;
  const results = await mapLimit(partitions, ctx.config.partitionConcurrency, async (p) => {
    try {
      const r = await listPartition(ctx, region, p);
      progress.partitionsDone++;
      return r;
    } catch (err) {
      ctx.stopRun(err instanceof Error ? err.message : String(err)); // fatal: stop the sibling partitions too
      throw err;
    }
  });

  const complete = results.every((r) => !r.error);
  progress.expectedFindings = progress.findings;
  let gone = 0;
  if (complete) {
    if (mode === "FULL") gone = await markGone(ctx.pool, { region }, ctx.startedAt, ctx.now(), ctx.runId);
    await advanceWatermark(ctx.pool, region, pollStart, mode === "FULL");
  }
  return { mode, since: since ?? null, pollStart, partitions: results, complete, gone, listingMs: Math.round(performance.now() - t0) };
}
