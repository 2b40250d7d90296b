// Weekly trends: open findings and coverage from each week's last snapshot (snapshot-weeks.ts),
// flows from the day-exact events (daily-flows.ts), MTTR from remediated closures by the week of
// the final close. Weeks nothing observed are null ("no data"), never 0. The "In use only" switch
// applies the image's usage NOW to every week (the cache keeps no usage history).
import { severityOrder, type Severity } from "@/lib/domain/severity";
import { toDay } from "@/lib/review/day";
import { weekBuckets, type WeekBucket } from "@/lib/review/week";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { lifecycleSql } from "@/lib/queries/lifecycle-sql";
import { remediatedSql } from "@/lib/queries/remediation-sql";
import { dailyFlows, type DayFlow } from "./daily-flows";
import { dayObserved, observations, runDays, type Observations } from "./observations";
import { coverageByWeek, openByWeek, point } from "./snapshot-weeks";
import type { FlowWeek, MttrWeek, Trends } from "./review-types";
import { inUseSql } from "@/lib/queries/in-use-sql";
import type { InUseMode } from "@/lib/domain/in-use";

export async function reviewTrends(scope: Scope, asOf: Date, weeks = 12, inUse: InUseMode = "only"): Promise<Trends> {
  const buckets = weekBuckets(asOf, weeks);
  const from = new Date(`${buckets[0].start}T00:00:00Z`);
  const [observed, days] = await Promise.all([observations(asOf), runDays(from, asOf)]);
  const [open, flow, mttr, coverage] = await Promise.all([
    openByWeek(scope, buckets, asOf, days, inUse),
    flowByWeek(scope, buckets, asOf, observed, inUse),
    mttrByWeek(scope, buckets, asOf, inUse),
    coverageByWeek(scope, buckets, asOf, days),
  ]);
  return { weeks: buckets.map(point), open, flow, mttr, coverage, observed };
}

const flowKeys = ["opened", "closed", "remediated", "removed", "reopened", "suppressed"] as const;

/** Sums each week's days; a week none of whose days (up to the meeting) was observed is null. */
export function toFlowWeeks(buckets: WeekBucket[], days: DayFlow[], observed: Observations, asOf: Date): FlowWeek[] {
  const last = toDay(asOf);
  return buckets.map((b) => {
    let any = false;
    for (let d = new Date(`${b.start}T00:00:00Z`); toDay(d) <= b.end && toDay(d) <= last; d = new Date(d.getTime() + 86_400_000)) {
      if (dayObserved(toDay(d), observed)) any = true;
    }
    const sums = Object.fromEntries(flowKeys.map((k) => [k, any ? 0 : null])) as Record<(typeof flowKeys)[number], number | null>;
    if (any) for (const d of days) if (d.day >= b.start && d.day <= b.end) for (const k of flowKeys) sums[k]! += d[k];
    return { ...point(b), ...sums };
  });
}

export async function flowByWeek(scope: Scope, buckets: WeekBucket[], asOf: Date, observed: Observations, inUse: InUseMode = "only"): Promise<FlowWeek[]> {
  const days = await dailyFlows(scope, new Date(new Date(`${buckets[0].start}T00:00:00Z`).getTime() - 1), asOf, inUse);
  return toFlowWeeks(buckets, days, observed, asOf);
}

export async function mttrByWeek(scope: Scope, buckets: WeekBucket[], asOf: Date, inUse: InUseMode = "only"): Promise<MttrWeek[]> {
  const from = new Date(`${buckets[0].start}T00:00:00Z`);
  const rows = await queryRows<{ week: string; severity: string; days: number; n: number }>(Prisma.sql`
    SELECT to_char(date_trunc('week', f.closed_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, f.severity,
      avg(GREATEST(0, extract(epoch FROM f.closed_at - f.first_observed_at)) / 86400)::float8 AS days, count(*)::int AS n
    FROM findings f
    WHERE ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${lifecycleSql("closed", "f")} AND ${remediatedSql("f")} AND ${inUseSql(inUse, "f")}
      AND f.closed_at >= ${from} AND f.closed_at <= ${asOf}
    GROUP BY 1, 2`);
  return buckets.map((b) => {
    const days = Object.fromEntries(severityOrder.map((s) => [s, null])) as Record<Severity, number | null>;
    const closed = Object.fromEntries(severityOrder.map((s) => [s, 0])) as Record<Severity, number>;
    for (const r of rows.filter((x) => x.week === b.start)) {
      if (!(r.severity in days)) continue;
      days[r.severity as Severity] = r.days;
      closed[r.severity as Severity] = r.n;
    }
    return { ...point(b), days, closed };
  });
}
