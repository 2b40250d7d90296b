// Weekly trends from the sync's daily snapshots (open, opened, closed; coverage) and from the
// findings themselves (MTTR by the week of the final close). A week's "open" is its last
// snapshot day's count, so the current week shows the latest sync.
import { severityOrder, type Severity } from "@/lib/domain/severity";
import { toDay } from "@/lib/review/day";
import { weekBuckets, type WeekBucket } from "@/lib/review/week";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import type { CoverageWeek, FlowWeek, MttrWeek, OpenWeek, Trends, WeekPoint } from "./review-types";
import { lifecycleSql } from "@/lib/queries/lifecycle-sql";

const zero = <T>(v: T) => Object.fromEntries(severityOrder.map((s) => [s, v])) as Record<Severity, T>;

function weeksSql(buckets: WeekBucket[], asOf: Date) {
  const last = toDay(asOf);
  const starts = buckets.map((b) => b.start);
  const ends = buckets.map((b) => (b.end < last ? b.end : last));
  return Prisma.sql`SELECT s::date AS start, e::date AS end_day FROM unnest(${starts}::text[], ${ends}::text[]) AS w(s, e)`;
}

const point = (b: WeekBucket): WeekPoint => ({ week: b.start, weekEnd: b.end, label: b.label });

export async function reviewTrends(scope: Scope, asOf: Date, weeks = 12): Promise<Trends> {
  const buckets = weekBuckets(asOf, weeks);
  const [open, flow, mttr, coverage] = await Promise.all([
    openByWeek(scope, buckets, asOf),
    flowByWeek(scope, buckets, asOf),
    mttrByWeek(scope, buckets, asOf),
    coverageByWeek(scope, buckets, asOf),
  ]);
  return { weeks: buckets.map(point), open, flow, mttr, coverage };
}

/** CTEs `weeks` and `last_day`: each week's latest snapshot day in the viewer's scope (a week's value is its last day's). */
function lastSnapshotDayPerWeek(table: "daily_snapshots" | "coverage_snapshots", scope: Scope, buckets: WeekBucket[], asOf: Date) {
  return Prisma.sql`weeks AS (${weeksSql(buckets, asOf)}),
    last_day AS (
      SELECT w.start, max(s.day) AS day FROM weeks w
      JOIN ${Prisma.raw(table)} s ON s.day BETWEEN w.start AND w.end_day AND ${scopeWhere(scope, Prisma.sql`s.account_id`)}
      GROUP BY w.start)`;
}

export async function openByWeek(scope: Scope, buckets: WeekBucket[], asOf: Date): Promise<OpenWeek[]> {
  const rows = await queryRows<{ week: string; day: string; severity: string; open: number }>(Prisma.sql`
    WITH ${lastSnapshotDayPerWeek("daily_snapshots", scope, buckets, asOf)}
    SELECT to_char(l.start, 'YYYY-MM-DD') AS week, to_char(l.day, 'YYYY-MM-DD') AS day, s.severity, sum(s.open)::int AS open
    FROM last_day l JOIN daily_snapshots s ON s.day = l.day AND ${scopeWhere(scope, Prisma.sql`s.account_id`)}
    GROUP BY l.start, l.day, s.severity`);
  return buckets.map((b) => {
    const mine = rows.filter((r) => r.week === b.start);
    const open = zero(0);
    for (const r of mine) if (r.severity in open) open[r.severity as Severity] += r.open;
    return { ...point(b), day: mine[0]?.day ?? null, open, total: Object.values(open).reduce((a, n) => a + n, 0) };
  });
}

export async function flowByWeek(scope: Scope, buckets: WeekBucket[], asOf: Date): Promise<FlowWeek[]> {
  const rows = await queryRows<{ week: string; opened: number; closed: number }>(Prisma.sql`
    WITH weeks AS (${weeksSql(buckets, asOf)})
    SELECT to_char(w.start, 'YYYY-MM-DD') AS week, sum(s.opened)::int AS opened, sum(s.closed)::int AS closed
    FROM weeks w JOIN daily_snapshots s ON s.day BETWEEN w.start AND w.end_day AND ${scopeWhere(scope, Prisma.sql`s.account_id`)}
    GROUP BY w.start`);
  return buckets.map((b) => {
    const r = rows.find((x) => x.week === b.start);
    return { ...point(b), opened: r?.opened ?? 0, closed: r?.closed ?? 0 };
  });
}

export async function mttrByWeek(scope: Scope, buckets: WeekBucket[], asOf: Date): Promise<MttrWeek[]> {
  const from = new Date(`${buckets[0].start}T00:00:00Z`);
  const rows = await queryRows<{ week: string; severity: string; days: number; n: number }>(Prisma.sql`
    SELECT to_char(date_trunc('week', f.closed_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, f.severity,
      avg(GREATEST(0, extract(epoch FROM f.closed_at - f.first_observed_at)) / 86400)::float8 AS days, count(*)::int AS n
    FROM findings f
    WHERE ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${lifecycleSql("closed", "f")}
      AND f.closed_at >= ${from} AND f.closed_at <= ${asOf}
    GROUP BY 1, 2`);
  return buckets.map((b) => {
    const days = zero<number | null>(null);
    const closed = zero(0);
    for (const r of rows.filter((x) => x.week === b.start)) {
      if (!(r.severity in days)) continue;
      days[r.severity as Severity] = r.days;
      closed[r.severity as Severity] = r.n;
    }
    return { ...point(b), days, closed };
  });
}

export async function coverageByWeek(scope: Scope, buckets: WeekBucket[], asOf: Date): Promise<CoverageWeek[]> {
  const rows = await queryRows<{ week: string; day: string; active: number; inactive: number }>(Prisma.sql`
    WITH ${lastSnapshotDayPerWeek("coverage_snapshots", scope, buckets, asOf)}
    SELECT to_char(l.start, 'YYYY-MM-DD') AS week, to_char(l.day, 'YYYY-MM-DD') AS day,
      sum(c.active)::int AS active, sum(c.inactive)::int AS inactive
    FROM last_day l JOIN coverage_snapshots c ON c.day = l.day AND ${scopeWhere(scope, Prisma.sql`c.account_id`)}
    GROUP BY l.start, l.day`);
  return buckets.map((b) => {
    const r = rows.find((x) => x.week === b.start);
    return { ...point(b), day: r?.day ?? null, active: r?.active ?? 0, inactive: r?.inactive ?? 0 };
  });
}
