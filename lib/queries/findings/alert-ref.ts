// The explorer's `alert=<ruleId>:<runId>` filter: the findings one alert rule's digest listed for one
// run (the alert_sent rows of that rule and run). Pure: the filter bar and its chips use it too.
export interface AlertRef {
  ruleId: number;
  runId: number;
}

/** alert_sent's rule_id and run_id are int4. */
export const maxAlertId = 2_147_483_647;

export function alertRefText(a: AlertRef): string {
  return `${a.ruleId}:${a.runId}`;
}

/** What an `alert` value must look like, for the parser here and the filter schema's length cap. */
export const alertRefExpected = "expected <rule id>:<run id>, two whole numbers such as 3:42";

/** The reference, or why the text is not one. */
export function readAlertRef(text: string): AlertRef | { error: string } {
  const m = /^(\d{1,12}):(\d{1,12})$/.exec(text.trim());
  if (!m) return { error: alertRefExpected };
  const ruleId = Number(m[1]), runId = Number(m[2]);
  for (const [name, n] of [["rule id", ruleId], ["run id", runId]] as const) {
    if (n < 1 || n > maxAlertId) return { error: `the ${name} must be from 1 to ${maxAlertId} (${n})` };
  }
  return { ruleId, runId };
}

/** The rule's name the page looked up for one alert value (alert-rule-name.ts), for its chip. */
export interface AlertRuleName {
  ref: string;
  name: string;
}

/** The chip's words: “Critical in prod” (run 42) when the page found the rule's name for this very
 *  value, else its id (a deleted rule, or another value navigated to in the browser). */
export function alertRefLabel(text: string, known?: AlertRuleName | null): string {
  const a = readAlertRef(text);
  if ("error" in a) return text;
  return known?.ref === alertRefText(a) ? `“${known.name}” (run ${a.runId})` : `rule #${a.ruleId} (run ${a.runId})`;
}
