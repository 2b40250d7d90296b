// Deduplication: a subject alerts once per rule and transition. What the rule found is inserted
// into alert_sent; only the rows that were not there yet go into the digest, in the rule's order.
// State rules first forget the subjects that recovered, so going dark again alerts again.
import type { Queryable } from "@/lib/auth/audit";
import type { Candidate, Evaluation } from "./rules/types";

export async function keepFresh(tx: Queryable, ruleId: number, runId: number, ev: Evaluation): Promise<Candidate[]> {
  if (ev.recovered) {
    const { rows } = (await tx.query(`SELECT subject, transition FROM alert_sent WHERE rule_id = $1`, [ruleId])) as { rows: { subject: string; transition: string }[] };
    const gone = ev.recovered(rows.map((r) => `${r.subject}\n${r.transition}`));
    if (gone.length) {
      await tx.query(
        `DELETE FROM alert_sent WHERE rule_id = $1 AND subject || E'\\n' || transition = ANY($2::text[])`,
        [ruleId, gone],
      );
    }
  }
  if (!ev.candidates.length) return [];
  const { rows } = (await tx.query(
    `INSERT INTO alert_sent (rule_id, subject, transition, run_id)
     SELECT $1, s, t, $2 FROM unnest($3::text[], $4::text[]) AS x(s, t)
     ON CONFLICT DO NOTHING RETURNING subject, transition`,
    [ruleId, runId, ev.candidates.map((c) => c.subject), ev.candidates.map((c) => c.transition)],
  )) as { rows: { subject: string; transition: string }[] };
  const inserted = new Set(rows.map((r) => `${r.subject}\n${r.transition}`));
  return ev.candidates.filter((c) => inserted.delete(`${c.subject}\n${c.transition}`));
}
