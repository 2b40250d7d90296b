// On the first sync there is no history, so the previous 12 weeks of daily snapshots are
// RECONSTRUCTED from the findings: open between firstObservedAt and closedAt (or goneAt);
// a currently suppressed finding counts as suppressed since it was first observed. The run's
// notes say so. Never overwrites a day that already has real snapshots.
import type pg from "pg";
import { DAY_MS, utcDayStart } from "./utc-day";
import { lastSaidText } from "@/lib/queries/lifecycle-sql";

export const BACKFILL_DAYS = 84;

export async function hasSnapshotsBefore(db: Pick<pg.Pool, "query">, now: Date): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM daily_snapshots WHERE day < $1::date LIMIT 1", [utcDayStart(now).toISOString().slice(0, 10)]);
  return rows.length > 0;
}

// Linear in the findings: each contributes +1/-1 deltas on the day it opened and the day it
// ended (bucket -1 = before the window, `days` = after it); a running sum per account x
// severity over the days gives the counts, instead of testing every finding on every day.
const BACKFILL_SQL = `
WITH f AS (
  SELECT account_id, severity, status, gone_from_status, first_observed_at AS fo, closed_at, gone_at, LEAST(closed_at, gone_at) AS ends FROM findings
), b AS (
  SELECT account_id, severity,
    LEAST(GREATEST(floor(extract(epoch FROM fo - $1::timestamptz) / 86400), -1), $2)::int AS open_day,
    CASE WHEN ends IS NOT NULL THEN LEAST(GREATEST(floor(extract(epoch FROM ends - $1::timestamptz) / 86400), -1), $2)::int END AS end_day,
    CASE WHEN closed_at >= $1::timestamptz THEN LEAST(floor(extract(epoch FROM closed_at - $1::timestamptz) / 86400), $2)::int END AS closed_day,
    CASE WHEN gone_at IS NOT NULL THEN LEAST(GREATEST(floor(extract(epoch FROM gone_at - $1::timestamptz) / 86400), -1), $2)::int END AS gone_day,
    ${lastSaidText("suppressed")} AS suppressed
  FROM f
), deltas AS (
  SELECT account_id, severity, day, sum(o)::int AS o, sum(opened)::int AS opened, sum(closed)::int AS closed, sum(s)::int AS s FROM (
    SELECT account_id, severity, open_day AS day, (NOT suppressed)::int AS o, (open_day >= 0)::int AS opened, 0 AS closed, suppressed::int AS s FROM b
    UNION ALL SELECT account_id, severity, end_day, -1, 0, 0, 0 FROM b WHERE end_day IS NOT NULL AND NOT suppressed
    UNION ALL SELECT account_id, severity, closed_day, 0, 0, 1, 0 FROM b WHERE closed_day IS NOT NULL
    UNION ALL SELECT account_id, severity, gone_day, 0, 0, 0, -1 FROM b WHERE gone_day IS NOT NULL AND suppressed
  ) x GROUP BY 1, 2, 3
), grid AS (
  SELECT g.account_id, g.severity, d.day
  FROM (SELECT DISTINCT account_id, severity FROM deltas) g CROSS JOIN generate_series(-1, $2 - 1) AS d(day)
), counted AS (
  SELECT grid.account_id, grid.severity, grid.day,
    sum(COALESCE(d.o, 0)) OVER w AS open, COALESCE(d.opened, 0) AS opened, COALESCE(d.closed, 0) AS closed,
    sum(COALESCE(d.s, 0)) OVER w AS suppressed
  FROM grid LEFT JOIN deltas d ON d.account_id = grid.account_id AND d.severity = grid.severity AND d.day = grid.day
  WINDOW w AS (PARTITION BY grid.account_id, grid.severity ORDER BY grid.day)
)
INSERT INTO daily_snapshots (day, account_id, severity, open, opened, closed, suppressed)
SELECT (($1::timestamptz + day * interval '1 day') AT TIME ZONE 'UTC')::date, account_id, severity, open, opened, closed, suppressed
FROM counted WHERE day >= 0 AND open + opened + closed + suppressed > 0
ON CONFLICT (day, account_id, severity) DO NOTHING`;

export async function backfillDailySnapshots(db: Pick<pg.Pool, "query">, now: Date, days = BACKFILL_DAYS): Promise<number> {
  const windowStart = new Date(utcDayStart(now).getTime() - days * DAY_MS);
  const res = await db.query(BACKFILL_SQL, [windowStart, days]);
  return res.rowCount ?? 0;
}
