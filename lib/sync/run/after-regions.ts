// What a run settles once every region is done: findings of regions no longer configured go
// GONE (REGION_NOT_SYNCED), and AWS's clock far off the app's is a note (the watermarks use
// AWS's time, so the skew costs nothing, but a user comparing times should know). After a full
// listing the rollups are checked against a recount (repaired and noted when they drifted), so are
// the resource aliases against the resources' names, and raw JSON parts no finding points to any
// more are deleted.
import { markRegionsNotSynced } from "../findings/gone";
import type { SyncContext } from "../context";
import { syncRegionExtras } from "../extras/region-extras";
import { verifyRollups } from "../integrity/rollup-verify";
import { pruneRawParts } from "../integrity/raw-parts-prune";
import { repairResourceAliases } from "../integrity/resource-aliases-repair";

export const DEFAULT_CLOCK_SKEW_NOTE_MS = 60_000;

export async function afterRegions(ctx: SyncContext, fullListing = false): Promise<void> {
  await syncRegionExtras(ctx);
  const gone = await markRegionsNotSynced(ctx.pool, ctx.config.regions, ctx.now(), ctx.runId);
  if (gone) ctx.notes.push({ kind: "region", message: `${gone} finding(s) of regions no longer synced are now GONE (region not synced)` });
  if (fullListing) {
    const v = await verifyRollups(ctx.pool);
    if (v.drift) ctx.notes.push({ kind: "integrity", message: `Finding rollups differed from a recount in ${v.drift} cell(s); recomputed` });
    const a = await repairResourceAliases(ctx.pool);
    if (a.added || a.removed) ctx.notes.push({ kind: "integrity", message: `Resource aliases differed from the resources' names (${a.added} added, ${a.removed} removed); mended` });
    await pruneRawParts(ctx.pool);
  }
  const skew = ctx.aws.clock.skewMs();
  // The demo emulator's clock stands still between its simulated days: no note about it.
  if (!ctx.config.demo && skew !== null && Math.abs(skew) >= (ctx.config.clockSkewNoteMs ?? DEFAULT_CLOCK_SKEW_NOTE_MS)) {
    const s = Math.round(Math.abs(skew) / 1000);
    ctx.notes.push({ kind: "clock", message: `AWS's clock is ${s} s ${skew > 0 ? "ahead of" : "behind"} this server's; watermarks use AWS's time` });
  }
}
