// The name on the explorer's alert chip (alert=<rule>:<run>): the rule's name and nothing else, and
// only for a rule that alerted in that run on a finding within the viewer's scope, so no reader learns
// the name of a rule about others' accounts. Null otherwise (and for a deleted rule): the chip shows the id.
import { log } from "@/lib/ops/logger";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { Prisma, queryOne } from "@/lib/queries/sql";
import { alertRefText, type AlertRef, type AlertRuleName } from "./alert-ref";

export async function alertRuleName(scope: Scope, ref: AlertRef): Promise<string | null> {
  const row = await queryOne<{ name: string }>(Prisma.sql`
    SELECT r.name FROM alert_rules r
    WHERE r.id = ${ref.ruleId}::int AND EXISTS (
      SELECT 1 FROM alert_sent s JOIN findings f ON f.arn = s.subject
      WHERE s.rule_id = r.id AND s.run_id = ${ref.runId}::int AND ${scopeWhere(scope, Prisma.sql`f.account_id`)})`);
  return row?.name ?? null;
}

/** For the page: null without an alert filter, and null if the lookup fails (a chip's label is not worth the page). */
export async function alertChipName(scope: Scope, ref: AlertRef | undefined): Promise<AlertRuleName | null> {
  if (!ref) return null;
  try {
    const name = await alertRuleName(scope, ref);
    return name === null ? null : { ref: alertRefText(ref), name };
  } catch (err) {
    log().warn({ err }, "the alert chip's rule name could not be read; the chip shows the rule id");
    return null;
  }
}
