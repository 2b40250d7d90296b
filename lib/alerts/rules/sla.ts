// SLA rules over open findings (the SLA runs from first observation, INSPECTORATE_SLA_DAYS; with
// INSPECTORATE_SLA_KEV_DUE_DATE=1 a vulnerability in CISA KEV is due by the earlier of that and
// KEV's due date, as on the review): due within the rule's N days, or breached. Each finding alerts
// once per state.
import { slaDays } from "@/lib/env";
import { slaUsesKevDue } from "@/lib/queries/kev/kev-sla-setting";
import { countText } from "../digest-count";
import { FINDING_COLUMNS, FINDING_FILTER, FINDING_ORDER, findingEvaluation, findingParams, type FindingRow } from "./finding-rows";
import type { EvalContext, Evaluation } from "./types";
import { Prisma } from "@/lib/queries/sql";
import { exceptionCoversSql, exceptionValidSql } from "@/lib/queries/review/exception-sql";
import { fragmentAfter } from "./finding-rows";

const SEVERITY_DUE = `(f.first_observed_at + make_interval(days => ($6::int[])[array_position($5::text[], f.severity)]))`;
const KEV_DUE = `(SELECT vi.kev_date_due FROM vulnerability_intel vi WHERE vi.vulnerability_id = f.vulnerability_id AND vi.in_kev)`;

async function slaRows(c: EvalContext, breached: boolean): Promise<FindingRow[]> {
  const days = slaDays();
  const sevs = Object.keys(days).filter((s) => days[s as keyof typeof days] !== null);
  const kev = slaUsesKevDue();
  // LEAST ignores NULL: a severity without an SLA is due by KEV's date alone.
  const DUE = kev ? `LEAST(${SEVERITY_DUE}, ${KEV_DUE})` : SEVERITY_DUE;
  const byKev = kev ? ` || CASE WHEN ${KEV_DUE} <= ${SEVERITY_DUE} OR ${SEVERITY_DUE} IS NULL THEN ' (CISA KEV due date)' ELSE '' END` : "";
  const window = breached ? `${DUE} <= now() AND $7::int IS NOT NULL` : `${DUE} > now() AND ${DUE} <= now() + make_interval(days => $7::int)`;
  const params = [...findingParams(c), sevs, sevs.map((s) => days[s as keyof typeof days]), c.rule.params.days, breached ? "SLA_BREACHED" : "SLA_DUE"];
  // A finding under a valid risk exception is not breached or due: the review counts it apart.
  const now = new Date();
  const excepted = fragmentAfter(Prisma.sql`EXISTS (SELECT 1 FROM risk_exceptions e WHERE ${exceptionValidSql(Prisma.sql`e`, now)}
    AND ${exceptionCoversSql(Prisma.sql`e`, Prisma.sql`f`)})`, params.length);
  const { rows } = (await c.tx.query(
    `SELECT ${FINDING_COLUMNS}, $8::text AS transition, 'due ' || to_char(${DUE} AT TIME ZONE 'UTC', 'YYYY-MM-DD')${byKev} AS detail
     FROM findings f WHERE ${FINDING_FILTER} AND ${window} AND NOT ${excepted.text}
     ORDER BY ${FINDING_ORDER} LIMIT 5000`,
    [...params, ...excepted.values],
  )) as { rows: FindingRow[] };
  return rows;
}

export function slaEvaluator(breached: boolean) {
  return async (c: EvalContext): Promise<Evaluation> => findingEvaluation(c, await slaRows(c, breached), (n) => breached
    ? `${countText(n, "finding", "findings")} breached the SLA — ${c.rule.name}`
    : `${countText(n, "finding", "findings")} ${n.subjects === 1 ? "is" : "are"} due within ${c.rule.params.days} days — ${c.rule.name}`);
}
