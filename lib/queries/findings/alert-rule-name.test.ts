// The alert chip's rule name on real Postgres: the name of a rule that alerted in that run on a finding
// the viewer sees, and null (the chip then shows the id) for a deleted rule, another run, a finding
// outside their scope, or a failed read; the page gets the name alone.
import { describe, expect, it, vi } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { alertRefLabel } from "./alert-ref";
import { alertChipName, alertRuleName } from "./alert-rule-name";

const database = setupQueryTestDatabase();
const A = "111111111111", B = "222222222222";
const q = (sql: string, params: unknown[] = []) => database().pool.query(sql, params);
const rule = async (name: string) => (await q(
  `INSERT INTO alert_rules (name, kind, scope, created_by) VALUES ($1, 'NEW_FINDINGS', '"all"'::jsonb, 'test') RETURNING id`, [name])).rows[0].id as number;
const alerted = (ruleId: number, arn: string, runId: number) =>
  q(`INSERT INTO alert_sent (rule_id, subject, transition, run_id) VALUES ($1, $2, 'NEW', $3)`, [ruleId, arn, runId]);

describe("the alert chip's rule name", () => {
  it("names a rule that alerted in that run on a finding the viewer sees, and no other", async () => {
    const name = `Critical in prod — O'Brien's "team"; DROP TABLE findings; --`;
    const id = await rule(name);
    const other = await rule("Search team's rule");
    const a = await addFinding(database(), { account_id: A, severity: "CRITICAL" });
    const b = await addFinding(database(), { account_id: B, severity: "HIGH" });
    await alerted(id, a, 42);
    await alerted(other, b, 42);

    const spy = vi.spyOn(database().pool, "query");
    expect(await alertRuleName(allScope, { ruleId: id, runId: 42 })).toBe(name);
    // Parameterised: the ids travel as values, the text holds placeholders only.
    const [text, values] = spy.mock.calls[0] as unknown as [string, unknown[]];
    spy.mockRestore();
    expect(text).toMatch(/r\.id = \$1::int/);
    expect(text).toMatch(/s\.run_id = \$2::int/);
    expect(text).not.toMatch(new RegExp(`= (${id}|42)\\b`));
    expect(values).toEqual([id, 42]);
    expect(await alertRuleName({ accountIds: [A] }, { ruleId: id, runId: 42 })).toBe(name);
    // A viewer of A alone learns nothing of a rule that alerted only on B's findings.
    expect(await alertRuleName({ accountIds: [A] }, { ruleId: other, runId: 42 })).toBeNull();
    expect(await alertRuleName({ accountIds: [] }, { ruleId: id, runId: 42 })).toBeNull();
    expect(await alertRuleName(allScope, { ruleId: id, runId: 43 })).toBeNull();
    expect(await alertRuleName(allScope, { ruleId: other + 1000, runId: 42 })).toBeNull();

    const chip = await alertChipName(allScope, { ruleId: id, runId: 42 });
    expect(chip).toEqual({ ref: `${id}:42`, name }); // the name and the value it belongs to, nothing more
    expect(alertRefLabel(`${id}:42`, chip)).toBe(`“${name}” (run 42)`);
    expect(await alertChipName(allScope, undefined)).toBeNull();
    expect((await q(`SELECT count(*)::int AS n FROM findings`)).rows[0].n).toBe(2);
  });

  it("a deleted rule, or a read that fails, leaves the chip its id and the page standing", async () => {
    const id = await rule("Gone soon");
    const f = await addFinding(database(), { account_id: A });
    await alerted(id, f, 7);
    expect(await alertChipName(allScope, { ruleId: id, runId: 7 })).toEqual({ ref: `${id}:7`, name: "Gone soon" });
    await q(`DELETE FROM alert_rules WHERE id = $1`, [id]); // alert_sent keeps its rows: the link still opens them
    const chip = await alertChipName(allScope, { ruleId: id, runId: 7 });
    expect(chip).toBeNull();
    expect(alertRefLabel(`${id}:7`, chip)).toBe(`rule #${id} (run 7)`);

    await q(`ALTER TABLE alert_rules RENAME TO alert_rules_away`);
    try {
      await expect(alertRuleName(allScope, { ruleId: id, runId: 7 })).rejects.toThrow();
      expect(await alertChipName(allScope, { ruleId: id, runId: 7 })).toBeNull();
    } finally {
      await q(`ALTER TABLE alert_rules_away RENAME TO alert_rules`);
    }
  });
});
