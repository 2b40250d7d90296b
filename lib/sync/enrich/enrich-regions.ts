// Known-exploitation enrichment starts only when every region's findings are listed, written and
// indexed, so it can never slow a listing (the benchmark checks it). The vulnerabilities to fetch
// are chosen across all regions at once (each asked once, in the region of its chosen finding),
// then the regions fetch side by side, each with its own paced BatchGetFindingDetails.
import type { RegionOutcome } from "../region-sync";
import { SyncAbortedError, type SyncContext } from "../context";
import { DEFAULT_INTEL_TTL_MS, enrichRegion } from "./enrich-region";
import { intelTargets } from "./intel-targets";

export async function enrichRegions(ctx: SyncContext, outcomes: RegionOutcome[]): Promise<void> {
  const o = ctx.config.enrichment ?? {};
  if (o.enabled === false) return;
  const listed = outcomes.filter((r) => r.status === "OK" || r.status === "PARTIAL");
  if (!listed.length) return;
  let targets: Awaited<ReturnType<typeof intelTargets>> = [];
  let selectError: string | undefined;
  try {
    targets = await intelTargets(ctx.pool, listed.map((r) => r.region), new Date(ctx.now().getTime() - (o.ttlMs ?? DEFAULT_INTEL_TTL_MS)));
  } catch (err) {
    if (err instanceof SyncAbortedError || ctx.signal?.aborted) throw err;
    selectError = err instanceof Error ? err.message : String(err);
  }
  await Promise.all(listed.map(async (r) => {
    r.enrichment = await enrichRegion(ctx, r.region, targets.filter((t) => t.region === r.region), selectError);
    await ctx.pool.query(
      "UPDATE sync_region_results SET checks = checks || jsonb_build_object('enrichment', $3::jsonb) WHERE run_id = $1 AND region = $2",
      [ctx.runId, r.region, JSON.stringify(r.enrichment)],
    );
  }));
}
