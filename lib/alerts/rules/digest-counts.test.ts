// A digest states what its link opens: one finding that became exploitable and entered KEV in one
// batch is one finding and two alerts, so the heading says "2 findings (3 alerts)", the explorer's own
// parser and query open those 2, and every channel says the same (likewise a finding new and reopened
// in one batch). Its accounts are all its alerts' accounts, listed or not: the alert log hides it from
// an admin who sees only the listed ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAlertTestEnv } from "../test-support/alert-env";
import { localActor } from "@/lib/auth/local-actor";
import type { TestDatabase } from "@/lib/db/test-database";
import { installTestDatabase, uninstallTestDatabase } from "@/lib/queries/test-fixtures";
import { explorerArns } from "../test-support/explorer-arns";
import { createChannel } from "../channel-store";
import { listDeliveries } from "../delivery-log";
import { digestSchema } from "../digest";
import { planNextBatch } from "../plan-batch";
import { emailMessage } from "../render-email";
import { slackMessage } from "../render-slack";
import { teamsMessage } from "../render-teams";
import { webhookBody } from "../render-webhook";
import { createRule } from "../rule-store";

setAlertTestEnv();
let database: TestDatabase;
const A = "111111111111", B = "222222222222";
const q = (sql: string, params: unknown[] = []) => database.pool.query(sql, params);
const run = async () => (await q(`INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('cli', 'SUCCEEDED', now()) RETURNING id`)).rows[0].id as number;
const finding = (arn: string, account: string, severity: string) => q(
  `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, exploit_available, resource_type, resource_id, first_observed_at, last_observed_at, updated_at, raw)
   VALUES ($1, $2, 'us-east-1', 'PACKAGE_VULNERABILITY', $1, $3, 'ACTIVE', 'CVE-' || $1, 'YES', 'AWS_EC2_INSTANCE', 'i-' || $1, now(), now(), now(), '{}')`,
  [arn, account, severity]);

beforeAll(async () => {
  database = await installTestDatabase(); // also what the explorer's queries read (db())
  await q(`INSERT INTO accounts (id, name, ou_name, lifecycle) VALUES ($1, 'a', 'Dev', 'ACTIVE'), ($2, 'b', 'Production', 'ACTIVE')`, [A, B]);
  await run();
}, 60_000);
afterAll(() => uninstallTestDatabase(database));

describe("a digest's counts", () => {
  it("one finding with an EXPLOITABLE and a KEV event in one batch: the digest's number is the findings its link opens, its alerts beside it", async () => {
    const ch = await createChannel(database.pool, localActor, { name: "hook", config: { kind: "WEBHOOK", url: "https://hooks.example/x", signingSecret: "s".repeat(16) } });
    const rule = await createRule(database.pool, localActor, { name: "x", kind: "EXPLOITABLE", minSeverity: "HIGH", scope: "all", channelIds: [ch.id], params: { topN: 1 } });
    const r1 = await run();
    await finding("g1", A, "CRITICAL");
    await finding("g2", B, "HIGH");
    await q(`INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id) VALUES
      ('g1', now(), 'EXPLOITABLE', 'NO', 'YES', $1), ('g1', now(), 'KEV', 'NO', 'YES', $1), ('g2', now(), 'EXPLOITABLE', 'NO', 'YES', $1)`, [r1]);
    const r2 = await run();
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(1);
    const { payload } = (await q(`SELECT payload FROM alert_deliveries WHERE rule_id = $1 AND run_id = $2`, [rule.id, r2])).rows[0];
    expect(payload).toMatchObject({ heading: "2 findings (3 alerts) became exploitable or entered KEV — x", findings: 2, total: 3, accountIds: [A, B] });
    expect(payload.items).toHaveLength(1); // topN 1: g1 (critical), the only listed account is A

    expect(await explorerArns(payload.link)).toEqual(["g1", "g2"]);
    expect(payload.findings).toBe(2);

    // Every channel says it, from the payload as the sender reads it.
    const sent = digestSchema.parse(payload);
    const email = emailMessage(sent);
    for (const text of [email.subject, email.text, JSON.stringify(slackMessage(sent)), JSON.stringify(teamsMessage(sent))]) {
      expect(text).toContain("2 findings (3 alerts)");
    }
    expect(email.text).toContain("1 of 3 alerts shown.");
    const body = JSON.parse(webhookBody(sent, "1"));
    expect(body).toMatchObject({ type: "inspectorate.alert", heading: payload.heading, total: 3, findings: 2, link: payload.link });
    expect(body).not.toHaveProperty("accountIds"); // for the alert log; channels get the digest alone

    // An admin of A alone sees only A's finding listed, but the heading counts B's: not in their log.
    const log = (accounts: string[]) => listDeliveries(database.pool, 50, { ruleIds: [rule.id], accounts }).then((rows) => rows.map((d) => d.heading));
    expect(await log([A])).toEqual([]);
    expect(await log([A, B])).toEqual([payload.heading]);
    // The log links the digest into the app: its link's path, which opens the same findings.
    const [row] = await listDeliveries(database.pool, 50);
    expect(row.path).toBe(`/findings?alert=${rule.id}%3A${r2}&sort=severity`);
    expect(await explorerArns(`https://elsewhere.example${row.path}`)).toEqual(["g1", "g2"]);
  });

  it("a finding new in the batch that also reopened in it: one new finding, two alerts", async () => {
    const ch = (await q(`SELECT id FROM alert_channels`)).rows[0].id as number;
    const rule = await createRule(database.pool, localActor, { name: "n", kind: "NEW_FINDINGS", minSeverity: "HIGH", scope: "all", channelIds: [ch] });
    const r1 = await run();
    await finding("h1", A, "HIGH");
    await finding("h2", B, "CRITICAL");
    await q(`INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id) VALUES ('h1', now(), 'STATUS', 'CLOSED', 'ACTIVE', $1)`, [r1]);
    const r2 = await run();
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(1);
    const { payload } = (await q(`SELECT payload FROM alert_deliveries WHERE rule_id = $1 AND run_id = $2`, [rule.id, r2])).rows[0];
    expect(payload).toMatchObject({ heading: "2 new findings (high or worse; 3 alerts) — n", findings: 2, total: 3, accountIds: [A, B] });
    expect(await explorerArns(payload.link)).toEqual(["h1", "h2"]);
  });
});
