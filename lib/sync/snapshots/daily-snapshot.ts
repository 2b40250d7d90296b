// Today's per account x severity counts: open (lib/queries/lifecycle-sql.ts), opened (first observed today), closed
// (closed today) and suppressed. Recomputed from the cache on every run, replacing the day's rows.
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
       SELECT $1::date, account_id, severity, open, opened, closed, suppressed FROM (
         SELECT account_id, severity,
           count(*) FILTER (WHERE ${lifecycleText("open")})::int AS open,
           count(*) FILTER (WHERE first_observed_at >= $2 AND first_observed_at < $3)::int AS opened,
           count(*) FILTER (WHERE closed_at >= $2 AND closed_at < $3)::int AS closed,
           count(*) FILTER (WHERE ${lifecycleText("suppressed")})::int AS suppressed
         FROM findings GROUP BY account_id, severity
       ) s WHERE open + opened + closed + suppressed > 0`,
      [isoDay(now), start, new Date(start.getTime() + DAY_MS)],
    );
    return res.rowCount ?? 0;
  });
}
