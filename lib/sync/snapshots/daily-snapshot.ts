// Today's per account x severity counts: open (lib/queries/lifecycle-sql.ts), opened (first observed today), closed
// (closed today) and suppressed. Recomputed on every run, replacing the day's rows: open and suppressed from the
// rollups (kept with the findings by triggers), opened and closed from two index ranges of today's findings,
// instead of a scan of every finding per run.
import type pg from "pg";
import { withTransaction } from "@/lib/db/transaction";
import { DAY_MS, isoDay, utcDayStart } from "./utc-day";
import { lifecycleText } from "@/lib/queries/lifecycle-sql";

export async function writeDailySnapshot(pool: pg.Pool, now: Date): Promise<number> {
  const start = utcDayStart(now);
  return withTransaction(pool, async (client) => {
    await client.query("DELETE FROM daily_snapshots WHERE day = $1::date", [isoDay(now)]);
    const res = await client.query(
      `INSERT INTO daily_snapshots (day, account_id, severity, open, opened, closed, suppressed)
       SELECT $1::date, account_id, severity, sum(open)::int, sum(opened)::int, sum(closed)::int, sum(suppressed)::int FROM (
         SELECT account_id, severity, coalesce(sum(findings) FILTER (WHERE ${lifecycleText("open")}), 0) AS open, 0 AS opened, 0 AS closed,
           coalesce(sum(findings) FILTER (WHERE ${lifecycleText("suppressed")}), 0) AS suppressed
         FROM finding_rollups WHERE ${lifecycleText("open")} OR ${lifecycleText("suppressed")} GROUP BY account_id, severity
         UNION ALL
         SELECT account_id, severity, 0, count(*), 0, 0 FROM findings WHERE first_observed_at >= $2 AND first_observed_at < $3 GROUP BY account_id, severity
         UNION ALL
         SELECT account_id, severity, 0, 0, count(*), 0 FROM findings WHERE closed_at >= $2 AND closed_at < $3 GROUP BY account_id, severity
       ) s GROUP BY account_id, severity HAVING sum(open) + sum(opened) + sum(closed) + sum(suppressed) > 0`,
      [isoDay(now), start, new Date(start.getTime() + DAY_MS)],
    );
    return res.rowCount ?? 0;
  });
}
