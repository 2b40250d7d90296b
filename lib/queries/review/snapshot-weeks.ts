// Point-in-time weekly values from the sync's snapshots: a week's open findings and coverage are
// its last snapshot day's. A week with no snapshot and no sync run is null ("no data"); one with a
// run but no rows really had nothing; one with rows but no run holds the first sync's estimate.
import { severityOrder, type Severity } from "@/lib/domain/severity";
import { toDay } from "@/lib/review/day";
import type { WeekBucket } from "@/lib/review/week";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import type { CoverageWeek, OpenWeek, WeekPoint } from "./review-types";
import { openAtSql } from "@/lib/queries/lifecycle-sql";
import { idleImageSql } from "@/lib/queries/in-use-sql";
import type { InUseMode } from "@/lib/domain/in-use";

export const point = (b: WeekBucket): WeekPoint => ({ week: b.start, weekEnd: b.end, label: b.label });
const ran = (b: WeekBucket, runDays: string[]) => runDays.some((d) => d >= b.start && d <= b.end);

function weeksSql(buckets: WeekBucket[], asOf: Date, runDays: string[]) {
  const last = toDay(asOf);
  const ends = buckets.map((b) => (b.end < last ? b.end : last));
  const lastRuns = buckets.map((b, i) => runDays.filter((d) => d >= b.start && d <= ends[i]).at(-1) ?? null);
  return Prisma.sql`SELECT s::date AS start, e::date AS end_day, r::date AS run_day
    FROM unnest(${buckets.map((b) => b.start)}::text[], ${ends}::text[], ${lastRuns}::text[]) AS w(s, e, r)`;
}

/** CTEs `weeks` and `last_day`: each week's last day a sync ran, whose snapshot holds the scope's
 *  rows or none (a snapshot writes no row for a zero: the scope's findings all went, say); in a week
 *  without a run, the latest snapshot day in the viewer's scope (the first sync's estimate). Taking
 *  the scope's own latest row instead showed, for a group whose last findings closed mid-week, their
 *  count from before they closed. */
function lastSnapshotDayPerWeek(table: "daily_snapshots" | "coverage_snapshots", scope: Scope, buckets: WeekBucket[], asOf: Date, runDays: string[]) {
  return Prisma.sql`weeks AS (${weeksSql(buckets, asOf, runDays)}),
    last_day AS (
      SELECT w.start, coalesce(w.run_day, max(s.day)) AS day FROM weeks w
      LEFT JOIN ${Prisma.raw(table)} s ON w.run_day IS NULL AND s.day BETWEEN w.start AND w.end_day AND ${scopeWhere(scope, Prisma.sql`s.account_id`)}
      GROUP BY w.start, w.run_day
      HAVING coalesce(w.run_day, max(s.day)) IS NOT NULL)`;
}

/** Snapshots count every image: "In use only" takes off the findings on images idle NOW that were
 *  open at the end of the snapshot day (or the meeting's as-of), so the latest week is the overview's. */
function idleOpenSql(scope: Scope, asOf: Date, inUse: InUseMode) {
  if (inUse !== "only") return Prisma.sql`SELECT NULL::date AS start, NULL::text AS severity, 0 AS n WHERE FALSE`;
  const dayEnd = Prisma.sql`LEAST((l.day + 1)::timestamp AT TIME ZONE 'UTC', ${asOf}::timestamptz)`;
  return Prisma.sql`SELECT l.start, f.severity, count(*)::int AS n FROM last_day l
    JOIN findings f ON ${idleImageSql("f")} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${openAtSql("f", dayEnd)}
    GROUP BY l.start, f.severity`;
}

export async function openByWeek(scope: Scope, buckets: WeekBucket[], asOf: Date, runDays: string[], inUse: InUseMode = "only"): Promise<OpenWeek[]> {
  const rows = await queryRows<{ week: string; day: string; severity: string; open: number }>(Prisma.sql`
    WITH ${lastSnapshotDayPerWeek("daily_snapshots", scope, buckets, asOf, runDays)},
    snap AS (
      SELECT l.start, l.day, s.severity, coalesce(sum(s.open), 0)::int AS open
      FROM last_day l LEFT JOIN daily_snapshots s ON s.day = l.day AND ${scopeWhere(scope, Prisma.sql`s.account_id`)}
      GROUP BY l.start, l.day, s.severity),
    idle AS (${idleOpenSql(scope, asOf, inUse)})
    SELECT to_char(snap.start, 'YYYY-MM-DD') AS week, to_char(snap.day, 'YYYY-MM-DD') AS day, snap.severity,
      GREATEST(0, snap.open - coalesce(idle.n, 0))::int AS open
    FROM snap LEFT JOIN idle ON idle.start = snap.start AND idle.severity = snap.severity`);
  return buckets.map((b) => {
    const mine = rows.filter((r) => r.week === b.start);
    if (!mine.length && !ran(b, runDays)) return { ...point(b), day: null, open: null, total: null };
    const open = Object.fromEntries(severityOrder.map((s) => [s, 0])) as Record<Severity, number>;
    for (const r of mine) if (r.severity in open) open[r.severity as Severity] += r.open;
    const total = Object.values(open).reduce((a, n) => a + n, 0);
    return { ...point(b), day: mine[0]?.day ?? null, open, total, estimated: !ran(b, runDays) };
  });
}

export async function coverageByWeek(scope: Scope, buckets: WeekBucket[], asOf: Date, runDays: string[]): Promise<CoverageWeek[]> {
  const rows = await queryRows<{ week: string; day: string; active: number; inactive: number }>(Prisma.sql`
    WITH ${lastSnapshotDayPerWeek("coverage_snapshots", scope, buckets, asOf, runDays)}
    SELECT to_char(l.start, 'YYYY-MM-DD') AS week, to_char(l.day, 'YYYY-MM-DD') AS day,
      coalesce(sum(c.active), 0)::int AS active, coalesce(sum(c.inactive), 0)::int AS inactive
    FROM last_day l LEFT JOIN coverage_snapshots c ON c.day = l.day AND ${scopeWhere(scope, Prisma.sql`c.account_id`)}
    GROUP BY l.start, l.day`);
  return buckets.map((b) => {
    const r = rows.find((x) => x.week === b.start);
    if (!r && !ran(b, runDays)) return { ...point(b), day: null, active: null, inactive: null };
    return { ...point(b), day: r?.day ?? null, active: r?.active ?? 0, inactive: r?.inactive ?? 0 };
  });
}
