// SLA rules over open findings (the SLA runs from first observation, INSPECTORATE_SLA_DAYS):
// due within the rule's N days, or breached. Each finding alerts once per state.
import { slaDays } from "@/lib/env";
import { FINDING_COLUMNS, FINDING_FILTER, FINDING_ORDER, explorerLink, findingCandidates, findingParams, type FindingRow } from "./finding-rows";
import type { EvalContext, Evaluation } from "./types";

const DUE = `(f.first_observed_at + make_interval(days => ($6::int[])[array_position($5::text[], f.severity)]))`;

async function slaRows(c: EvalContext, breached: boolean): Promise<FindingRow[]> {
  const days = slaDays();
  const sevs = Object.keys(days).filter((s) => days[s as keyof typeof days] !== null);
  const window = breached ? `${DUE} <= now() AND $7::int IS NOT NULL` : `${DUE} > now() AND ${DUE} <= now() + make_interval(days => $7::int)`;
  const { rows } = (await c.tx.query(
    `SELECT ${FINDING_COLUMNS}, $8::text AS transition, 'due ' || to_char(${DUE} AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS detail
     FROM findings f WHERE ${FINDING_FILTER} AND f.severity = ANY($5::text[]) AND ${window}
     ORDER BY ${FINDING_ORDER} LIMIT 5000`,
    [...findingParams(c), sevs, sevs.map((s) => days[s as keyof typeof days]), c.rule.params.days, breached ? "SLA_BREACHED" : "SLA_DUE"],
  )) as { rows: FindingRow[] };
  return rows;
}

export function slaEvaluator(breached: boolean) {
  return async (c: EvalContext): Promise<Evaluation> => ({
    candidates: findingCandidates(await slaRows(c, breached), c.appUrl),
    heading: (n) => breached
      ? `${n} ${n === 1 ? "finding" : "findings"} breached the SLA — ${c.rule.name}`
      : `${n} ${n === 1 ? "finding is" : "findings are"} due within ${c.rule.params.days} days — ${c.rule.name}`,
    link: (items) => explorerLink(c.appUrl, items),
  });
}
