// When the cache observed Inspector: the first and the latest finished sync run (not failed) up to
// an instant. Before the first run nothing was observed (history is at most reconstructed), so
// counts there are "no data", never 0. Sync runs cover the whole organization.
import { Prisma, queryOne, queryRows } from "@/lib/queries/sql";

/** A run that observed Inspector: finished, not failed. */
const observedRun = Prisma.sql`outcome IN ('SUCCEEDED', 'PARTIAL')`;

export interface Observations {
  first: string | null;
  latest: string | null;
}

export async function observations(asOf: Date): Promise<Observations> {
  const r = await queryOne<{ first: Date | null; latest: Date | null }>(Prisma.sql`
    SELECT min(finished_at) AS first, max(finished_at) AS latest FROM sync_runs
    WHERE ${observedRun} AND finished_at <= ${asOf}`);
  return { first: r?.first?.toISOString() ?? null, latest: r?.latest?.toISOString() ?? null };
}

/** Whether a day (YYYY-MM-DD) lies within the observed span: on or after the first run's day and on or before the latest's. */
export function dayObserved(day: string, o: Observations): boolean {
  return !!o.first && !!o.latest && day >= o.first.slice(0, 10) && day <= o.latest.slice(0, 10);
}

/** UTC days (YYYY-MM-DD) on which a sync run finished (not failed), from `from` up to `asOf`. */
export async function runDays(from: Date, asOf: Date): Promise<string[]> {
  const rows = await queryRows<{ day: string }>(Prisma.sql`
    SELECT DISTINCT to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM sync_runs
    WHERE ${observedRun} AND finished_at >= ${from} AND finished_at <= ${asOf} ORDER BY 1`);
  return rows.map((r) => r.day);
}

/** When the last run that observed Inspector finished within (from, to]; null when none did. */
export async function lastObservationBetween(from: Date, to: Date): Promise<Date | null> {
  const r = await queryOne<{ at: Date | null }>(Prisma.sql`
    SELECT max(finished_at) AS at FROM sync_runs WHERE ${observedRun} AND finished_at > ${from} AND finished_at <= ${to}`);
  return r?.at ? new Date(r.at) : null;
}
