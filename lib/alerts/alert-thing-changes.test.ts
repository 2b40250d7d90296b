// Pausing: a paused rule plans nothing for the runs of its pause (and does not replay them when
// resumed); a paused channel is left out of new digests. Deleting a channel takes it off its rules.
// Each change is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAlertTestEnv } from "./test-support/alert-env";
import { localActor } from "@/lib/auth/local-actor";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createChannel } from "./channel-store";
import { alertThingKind, deleteAlertThing, setAlertThingEnabled } from "./alert-thing-changes";
import { planNextBatch } from "./plan-batch";
import { createRule, loadRules } from "./rule-store";

setAlertTestEnv();
let database: TestDatabase;
const q = (sql: string, params: unknown[] = []) => database.pool.query(sql, params);
const run = async () => (await q(`INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('cli', 'SUCCEEDED', now()) RETURNING id`)).rows[0].id as number;
const exploitableIn = async (arn: string, runId: number) => {
  await q(`INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, exploit_available, resource_type, resource_id, first_observed_at, last_observed_at, updated_at, raw)
    VALUES ($1, '111111111111', 'us-east-1', 'PACKAGE_VULNERABILITY', $1, 'CRITICAL', 'ACTIVE', 'CVE-' || $1, 'YES', 'AWS_EC2_INSTANCE', 'i-' || $1, now(), now(), now(), '{}')`, [arn]);
  await q(`INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id) VALUES ($1, now(), 'EXPLOITABLE', 'NO', 'YES', $2)`, [arn, runId]);
};
const deliveredTo = async (runId: number) => (await q(`SELECT c.name FROM alert_deliveries d JOIN alert_channels c ON c.id = d.channel_id WHERE d.run_id = $1 ORDER BY c.name`, [runId])).rows.map((r) => r.name);
let ruleId: number, hookB: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await q(`INSERT INTO accounts (id, name, lifecycle) VALUES ('111111111111', 'a', 'ACTIVE')`);
  await run();
  const a = await createChannel(database.pool, localActor, { name: "a", config: { kind: "WEBHOOK", url: "https://hooks.example/a", signingSecret: "s".repeat(16) } });
  const b = await createChannel(database.pool, localActor, { name: "b", config: { kind: "WEBHOOK", url: "https://hooks.example/b", signingSecret: "s".repeat(16) } });
  hookB = b.id;
  ruleId = (await createRule(database.pool, localActor, { name: "x", kind: "EXPLOITABLE", scope: "all", channelIds: [a.id, b.id], minSeverity: "HIGH" })).id;
}, 60_000);
afterAll(() => database.close());

describe("pausing alerts", () => {
  it("a paused rule sends nothing and does not replay its pause; a paused channel is skipped", async () => {
    await setAlertThingEnabled(database.pool, localActor, "rule", ruleId, false);
    expect((await loadRules(database.pool, true))[0].enabled).toBe(false);
    const r1 = await run();
    await exploitableIn("during-pause", r1);
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(0);

    await setAlertThingEnabled(database.pool, localActor, "rule", ruleId, true);
    await setAlertThingEnabled(database.pool, localActor, "channel", hookB, false);
    const r2 = await run();
    await exploitableIn("after-resume", r2);
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(1);
    expect(await deliveredTo(r2)).toEqual(["a"]);
    const { rows } = await q(`SELECT d.payload FROM alert_deliveries d WHERE d.run_id = $1`, [r2]);
    expect(rows[0].payload.items.map((i: { title: string }) => i.title)).toEqual(["CVE-after-resume — after-resume"]);

    const audit = (await q(`SELECT action FROM audit_events WHERE action LIKE 'alerts.%.paused' OR action LIKE 'alerts.%.resumed' ORDER BY id`)).rows.map((r) => r.action);
    expect(audit).toEqual(["alerts.rule.paused", "alerts.rule.resumed", "alerts.channel.paused"]);
  });

  it("refuses an id that is not a rule", async () => {
    await expect(setAlertThingEnabled(database.pool, localActor, "rule", "x", false)).rejects.toThrow("id: expected a rule id");
    await expect(setAlertThingEnabled(database.pool, localActor, "rule", 99999, false)).rejects.toThrow("no such rule");
    expect(() => alertThingKind("user")).toThrow("what: expected rule or channel");
  });
});

describe("deleting alerts", () => {
  it("a deleted channel leaves every rule that sent to it, in the same audited change", async () => {
    await deleteAlertThing(database.pool, localActor, "channel", hookB);
    expect((await loadRules(database.pool, true))[0].channelIds).toHaveLength(1);
    expect((await q(`SELECT count(*)::int AS n FROM alert_channels WHERE id = $1`, [hookB])).rows[0].n).toBe(0);
    await expect(deleteAlertThing(database.pool, localActor, "channel", hookB)).rejects.toThrow("no such channel");
    await deleteAlertThing(database.pool, localActor, "rule", ruleId);
    expect(await loadRules(database.pool, true)).toEqual([]);
    const audit = (await q(`SELECT action, target FROM audit_events WHERE action LIKE 'alerts.%.deleted' ORDER BY id`)).rows;
    expect(audit).toEqual([{ action: "alerts.channel.deleted", target: `alert-channel:${hookB}` }, { action: "alerts.rule.deleted", target: `alert-rule:${ruleId}` }]);
  });
});
