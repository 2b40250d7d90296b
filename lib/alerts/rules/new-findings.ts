// New findings (first inserted by the cache in this batch) and reopened ones (a STATUS event back
// to open in these runs), open now, in scope and at the rule's severities.
import { alertsNote } from "../digest-count";
import { FINDING_COLUMNS, FINDING_FILTER, FINDING_ORDER, findingEvaluation, findingParams, type FindingRow } from "./finding-rows";
import type { Evaluator } from "./types";

export const newFindings: Evaluator = async (c) => {
  const { rows } = (await c.tx.query(
    `SELECT * FROM (
       SELECT ${FINDING_COLUMNS}, 'NEW' AS transition, 'new' AS detail FROM findings f
       WHERE ${FINDING_FILTER} AND f.created_at > $5 AND f.created_at <= $6
       UNION ALL
       SELECT ${FINDING_COLUMNS}, 'REOPENED:' || e.id, 'reopened' FROM finding_events e JOIN findings f ON f.arn = e.finding_arn
       WHERE ${FINDING_FILTER} AND e.sync_run_id > $7 AND e.sync_run_id <= $8 AND e.kind = 'STATUS' AND e.to_value = $1 AND e.from_value <> $1
     ) f ORDER BY ${FINDING_ORDER}`,
    [...findingParams(c), c.batch.createdAfter, c.batch.createdUpTo, c.batch.fromRunId, c.batch.toRunId],
  )) as { rows: FindingRow[] };
  // A finding new in the batch may also reopen in it (or reopen twice): one finding, two alerts.
  return findingEvaluation(c, rows, (n) => {
    const note = alertsNote(n);
    return `${n.subjects} new ${n.subjects === 1 ? "finding" : "findings"} (${c.rule.minSeverity.toLowerCase()} or worse${note ? `; ${note}` : ""}) — ${c.rule.name}`;
  });
};
