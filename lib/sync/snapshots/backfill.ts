// On the first sync there is no history, so the previous 12 weeks of daily snapshots are
// RECONSTRUCTED from the findings: open between firstObservedAt and closedAt (or goneAt);
// a currently suppressed finding counts as suppressed since it was first observed. The run's
// notes say so. Never overwrites a day that already has real snapshots.
import type pg from "pg";
import { DAY_MS, utcDayStart } from "./utc-day";

export const BACKFILL_DAYS = 84;

export async function hasSnapshotsBefore(db: Pick<pg.Pool, "query">, now: Date): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM daily_snapshots WHERE day < $1::date LIMIT 1", [utcDayStart(now).toISOString().slice(0, 10)]);
  return rows.length > 0;
}

export async function backfillDailySnapshots(db: Pick<pg.Pool, "query">, now: Date, days = BACKFILL_DAYS): Promise<number> {
  const today = utcDayStart(now);
  const res = await db.query(
    `INSERT INTO daily_snapshots (day, account_id, severity, open, opened, closed, suppressed)
     SELECT (d.start AT TIME ZONE 'UTC')::date, f.account_id, f.severity,
       count(*) FILTER (WHERE f.status <> 'SUPPRESSED' AND (f.ends IS NULL OR f.ends >= d.start + interval '1 day'))::int,
       count(*) FILTER (WHERE f.first_observed_at >= d.start)::int,
       count(*) FILTER (WHERE f.closed_at >= d.start AND f.closed_at < d.start + interval '1 day')::int,
       count(*) FILTER (WHERE f.status = 'SUPPRESSED' AND (f.gone_at IS NULL OR f.gone_at >= d.start + interval '1 day'))::int
     FROM generate_series($1::timestamptz, $2::timestamptz, interval '1 day') AS d(start)
     JOIN (SELECT account_id, severity, status, first_observed_at, closed_at, gone_at,
             LEAST(closed_at, gone_at) AS ends FROM findings) f
       ON f.first_observed_at < d.start + interval '1 day' AND (f.ends IS NULL OR f.ends >= d.start)
     GROUP BY 1, 2, 3
     ON CONFLICT (day, account_id, severity) DO NOTHING`,
    [new Date(today.getTime() - days * DAY_MS), new Date(today.getTime() - DAY_MS)],
  );
  return res.rowCount ?? 0;
}
