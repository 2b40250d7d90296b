// Incremental high-water marks, per account and region (account_regions.findings_since), in AWS's
// time: the Date header of the listing's first page, so the app's clock never matters. A failed or
// incomplete partition leaves its own accounts' marks untouched; the others advance. The region's
// row in sync_watermarks mirrors the oldest mark, for the sync page.
import type pg from "pg";

type Queryable = Pick<pg.Pool, "query">;

export interface Watermark {
  findingsSince: Date | null;
  lastFullListingAt: Date | null;
}

export async function readWatermarks(db: Queryable, region: string, accounts: string[]): Promise<Map<string, Watermark>> {
  const { rows } = await db.query(
    "SELECT account_id, findings_since, last_full_listing_at FROM account_regions WHERE region = $1 AND account_id = ANY($2::text[])",
    [region, accounts],
  );
  return new Map(rows.map((r) => [r.account_id as string, { findingsSince: r.findings_since, lastFullListingAt: r.last_full_listing_at }]));
}

/** Full when never listed, when its last full listing is too old, or when asked to. */
export function listingMode(w: Watermark | undefined, now: Date, fullSyncEveryMs: number, forceFull = false): "FULL" | "INCREMENTAL" {
  if (forceFull || !w?.findingsSince || !w.lastFullListingAt) return "FULL";
  return now.getTime() - w.lastFullListingAt.getTime() >= fullSyncEveryMs ? "FULL" : "INCREMENTAL";
}

/** Accounts listed completely: their mark moves to `since`; `fullAt` when the listing was full. */
export async function advanceWatermarks(db: Queryable, region: string, marks: { account: string; since: Date; full: boolean }[], fullAt: Date): Promise<void> {
  if (!marks.length) return;
  await db.query(
    `INSERT INTO account_regions AS r (account_id, region, findings_since, last_full_listing_at)
     SELECT t.a, $1, t.s, CASE WHEN t.f THEN $5::timestamptz END
     FROM unnest($2::text[], $3::timestamptz[], $4::bool[]) AS t(a, s, f)
     WHERE EXISTS (SELECT 1 FROM accounts WHERE id = t.a)
     ON CONFLICT (account_id, region) DO UPDATE SET findings_since = EXCLUDED.findings_since,
       last_full_listing_at = COALESCE(EXCLUDED.last_full_listing_at, r.last_full_listing_at)`,
    [region, marks.map((m) => m.account), marks.map((m) => m.since), marks.map((m) => m.full), fullAt],
  );
}

/** The region's summary row: its oldest account mark, and the last run that listed all of it in full. */
export async function mirrorRegionWatermark(db: Queryable, region: string, allFull: Date | null): Promise<void> {
  await db.query(
    `INSERT INTO sync_watermarks (region, findings_since, last_full_sync_at, updated_at)
     SELECT $1, min(findings_since), $2, now() FROM account_regions WHERE region = $1 HAVING min(findings_since) IS NOT NULL
     ON CONFLICT (region) DO UPDATE SET findings_since = EXCLUDED.findings_since,
       last_full_sync_at = COALESCE(EXCLUDED.last_full_sync_at, sync_watermarks.last_full_sync_at), updated_at = now()`,
    [region, allFull],
  );
}
