// The snapshot step of a run: today's daily and coverage snapshots, plus the reconstructed
// 12-week history on the very first run (noted on the run as reconstructed).
import type { SyncContext } from "../context";
import { backfillDailySnapshots, BACKFILL_DAYS, hasSnapshotsBefore } from "./backfill";
import { writeCoverageSnapshot } from "./coverage-snapshot";
import { writeDailySnapshot } from "./daily-snapshot";

export async function writeSnapshots(ctx: SyncContext): Promise<void> {
  const now = ctx.now();
  if (!(await hasSnapshotsBefore(ctx.pool, now))) {
    const rows = await backfillDailySnapshots(ctx.pool, now);
    ctx.notes.push({
      kind: "backfill",
      message: `daily snapshots of the previous ${BACKFILL_DAYS} days were reconstructed from the findings' firstObservedAt/closedAt (${rows} rows); they are estimates, not observations`,
    });
  }
  await writeDailySnapshot(ctx.pool, now);
  await writeCoverageSnapshot(ctx.pool, now);
}
