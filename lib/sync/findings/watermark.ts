// The per-region high-water mark of the incremental listing. It is the start time of the last
// poll whose findings were all durably written; a failed or killed poll leaves it untouched.
import type pg from "pg";

type Queryable = Pick<pg.Pool, "query">;

export interface Watermark {
  findingsSince: Date;
  lastFullSyncAt: Date | null;
}

export async function readWatermark(db: Queryable, region: string): Promise<Watermark | null> {
  const { rows } = await db.query("SELECT findings_since, last_full_sync_at FROM sync_watermarks WHERE region = $1", [region]);
  return rows[0] ? { findingsSince: rows[0].findings_since, lastFullSyncAt: rows[0].last_full_sync_at } : null;
}

export async function advanceWatermark(db: Queryable, region: string, pollStart: Date, full: boolean): Promise<void> {
  await db.query(
    `INSERT INTO sync_watermarks (region, findings_since, last_full_sync_at, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (region) DO UPDATE SET findings_since = EXCLUDED.findings_since,
       last_full_sync_at = COALESCE(EXCLUDED.last_full_sync_at, sync_watermarks.last_full_sync_at), updated_at = now()`,
    [region, pollStart, full ? pollStart : null],
  );
}

/** Full when never synced, when the last full listing is too old, or when asked to. */
export function listingMode(w: Watermark | null, now: Date, fullSyncEveryMs: number, forceFull = false): "FULL" | "INCREMENTAL" {
  if (forceFull || !w || !w.lastFullSyncAt) return "FULL";
  return now.getTime() - w.lastFullSyncAt.getTime() >= fullSyncEveryMs ? "FULL" : "INCREMENTAL";
}
