// Known-exploitation enrichment starts only when every region's findings are listed, written and
// indexed, so it can never slow a listing (the benchmark checks it); regions are enriched side by
// side, each with its own paced BatchGetFindingDetails. Each region's result joins its row.
import type { RegionOutcome } from "../region-sync";
import type { SyncContext } from "../context";
import { enrichRegion } from "./enrich-region";

export async function enrichRegions(ctx: SyncContext, outcomes: RegionOutcome[]): Promise<void> {
  const listed = outcomes.filter((o) => o.status === "OK" || o.status === "PARTIAL");
  await Promise.all(listed.map(async (o) => {
    o.enrichment = await enrichRegion(ctx, o.region);
    if (!o.enrichment) return;
    await ctx.pool.query(
      "UPDATE sync_region_results SET checks = checks || jsonb_build_object('enrichment', $3::jsonb) WHERE run_id = $1 AND region = $2",
      [ctx.runId, o.region, JSON.stringify(o.enrichment)],
    );
  }));
}
