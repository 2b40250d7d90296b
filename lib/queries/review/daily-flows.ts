// Exact daily flows: findings opened (Inspector's firstObservedAt), closed (STATUS events to CLOSED
// and the closed_at of findings first seen closed), reopened and suppressed, each on the day it
// happened — whichever sync observed it. Closures are split into remediated and removed
// (lib/queries/remediation-sql.ts). Days outside the observed span are null: "no data".
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { statusEventSql } from "@/lib/queries/lifecycle-sql";
import { remediatedSql } from "@/lib/queries/remediation-sql";
import { inUseSql } from "@/lib/queries/in-use-sql";
import type { InUseMode } from "@/lib/domain/in-use";

export interface DayFlow {
  day: string;
  opened: number;
  closed: number;
  remediated: number;
  removed: number;
  reopened: number;
  suppressed: number;
}

/** Per UTC day in (from, to], only days with something in them; `inUse` by the image's usage now. */
export async function dailyFlows(scope: Scope, from: Date, to: Date, inUse: InUseMode = "only"): Promise<DayFlow[]> {
  const inWindow = (col: Prisma.Sql) => Prisma.sql`${col} > ${from} AND ${col} <= ${to}`;
  return queryRows<DayFlow>(Prisma.sql`
    WITH ev AS (
      SELECT e.finding_arn AS arn, e.at, CASE WHEN ${statusEventSql("e", null, "closed")} THEN 'closed'
        WHEN ${statusEventSql("e", "closed", "open")} THEN 'reopened' ELSE 'suppressed' END AS kind
      FROM finding_events e WHERE ${inWindow(Prisma.sql`e.at`)} AND e.kind = 'STATUS'
        AND (${statusEventSql("e", null, "closed")} OR ${statusEventSql("e", "closed", "open")} OR ${statusEventSql("e", null, "suppressed")})
      UNION SELECT f.arn, f.closed_at, 'closed' FROM findings f WHERE ${inWindow(Prisma.sql`f.closed_at`)}
      UNION SELECT f.arn, f.first_observed_at, 'opened' FROM findings f WHERE ${inWindow(Prisma.sql`f.first_observed_at`)}
    ), counted AS (
      SELECT to_char(ev.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, ev.kind,
        CASE WHEN ev.kind = 'closed' THEN ${remediatedSql("f")} END AS remediated
      FROM ev JOIN findings f ON f.arn = ev.arn WHERE ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${inUseSql(inUse, "f")}
    )
    SELECT day, count(*) FILTER (WHERE kind = 'opened')::int AS opened, count(*) FILTER (WHERE kind = 'closed')::int AS closed,
      count(*) FILTER (WHERE remediated)::int AS remediated, count(*) FILTER (WHERE kind = 'closed' AND NOT remediated)::int AS removed,
      count(*) FILTER (WHERE kind = 'reopened')::int AS reopened, count(*) FILTER (WHERE kind = 'suppressed')::int AS suppressed
    FROM counted GROUP BY day ORDER BY day`);
}
