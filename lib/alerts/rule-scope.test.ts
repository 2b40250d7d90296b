// An alert rule reaches no account beyond its maker: a scoped admin's rule over another OU or
// account is refused at save, naming the field and what reaches out; and evaluation counts only the
// accounts its maker reaches with "alerts" now (an OU that gains accounts, a rule saved before
// this check, a maker demoted), and says a failed run's reason without AWS's text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAlertTestEnv } from "./test-support/alert-env";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/auth/app-error";
import { localActor } from "@/lib/auth/local-actor";
import { actorForUser } from "@/lib/auth/user-actor";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createChannel } from "./channel-store";
import { planNextBatch } from "./plan-batch";
import { createRule } from "./rule-store";

setAlertTestEnv();
let database: TestDatabase;
let payAdmin: Actor;
let channel: number;
const A = "111111111111", B = "222222222222";
const q = (sql: string, params: unknown[] = []) => database.pool.query(sql, params);
const run = async (outcome = "SUCCEEDED", error: string | null = null) =>
  (await q(`INSERT INTO sync_runs (trigger, outcome, finished_at, error) VALUES ('cli', $1, now(), $2) RETURNING id`, [outcome, error])).rows[0].id as number;
const finding = (arn: string, account: string) => q(
  `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id, first_observed_at, last_observed_at, updated_at, raw)
   VALUES ($1, $2, 'us-east-1', 'PACKAGE_VULNERABILITY', $1, 'CRITICAL', 'ACTIVE', 'CVE-' || $1, 'AWS_EC2_INSTANCE', 'i-' || $1, now(), now(), now(), '{}')`,
  [arn, account]);
const mapGroup = (group: string, role: string, scope: object) => q(
  `INSERT INTO access_group_mappings (group_name, role, scope, updated_at, updated_by) VALUES ($1, $2, $3::jsonb, now(), 'test')
   ON CONFLICT (group_name) DO UPDATE SET role = EXCLUDED.role, scope = EXCLUDED.scope`, [group, role, JSON.stringify(scope)]);
/** Each rule's digest in the newest batch: its items' titles and details. */
const digests = async () => Object.fromEntries((await q(
  `SELECT r.name, d.payload FROM alert_deliveries d JOIN alert_rules r ON r.id = d.rule_id WHERE d.run_id = (SELECT max(run_id) FROM alert_deliveries)`,
)).rows.map((r) => [r.name, r.payload.items.map((i: { title: string; detail: string }) => `${i.title} | ${i.detail}`)]));

beforeAll(async () => {
  database = await createTestDatabase();
  await q(`INSERT INTO accounts (id, name, ou_name, lifecycle) VALUES ($1, 'a', 'Payments', 'ACTIVE'), ($2, 'b', 'Search', 'ACTIVE')`, [A, B]);
  await mapGroup("pay-admins", "admin", { ous: ["Payments"] });
  const { rows } = await q(`INSERT INTO users (id, issuer, subject, email, groups) VALUES (gen_random_uuid(), 'https://idp.example', 'pat', 'pat@example.com', '{pay-admins}') RETURNING id, email, name, groups, last_sign_in_at`);
  payAdmin = (await actorForUser(rows[0], database.pool))!;
  channel = (await createChannel(database.pool, localActor, { name: "hook", config: { kind: "WEBHOOK", url: "https://hooks.example/x", signingSecret: "s".repeat(16) } })).id;
  await run();
}, 60_000);
afterAll(() => database.close());

const rule = (name: string, scope: unknown, kind = "NEW_FINDINGS", actor = payAdmin) =>
  createRule(database.pool, actor, { name, kind, minSeverity: "HIGH", scope, channelIds: [channel], params: { runs: 1 } });

describe("alert rules within their maker's scope", () => {
  it("refuses a scoped admin's rule over accounts outside their scope (403), naming the field and the account or OU", async () => {
    expect(payAdmin.scope).toEqual({ accountIds: [A] });
    const refusals: [unknown, RegExp][] = [
      ["all", /^scope: wider than your own scope: it is the whole organization$/],
      [{ accounts: [A, B] }, /^scope: wider than your own scope: account 222222222222 is outside it$/],
      [{ ous: ["Payments", "Search"] }, /^scope: wider than your own scope: OU "Search" reaches accounts outside it$/],
      [{ ous: ["Future"] }, /^scope: matches none of your accounts: OU "Future"/],
    ];
    for (const [scope, message] of refusals) {
      const err = await rule("too wide", scope).then(() => null, (e: unknown) => e);
      expect(err, JSON.stringify(scope)).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("forbidden");
      expect((err as AppError).message).toMatch(message);
      expect((err as AppError).issues[0].field).toBe("scope");
    }
    expect((await q(`SELECT count(*)::int AS n FROM alert_rules`)).rows[0].n).toBe(0);
    await expect(rule("payments", { ous: ["Payments"] })).resolves.toMatchObject({ createdBy: { kind: "user", id: payAdmin.id } });
    await expect(rule("org", "all", "NEW_FINDINGS", localActor)).resolves.toBeDefined();
  });

  it("counts only the accounts its maker reaches now: an OU that gains an account, or a rule saved before the check", async () => {
    // A rule saved before save-time checks existed: scope "all", by the Payments admin.
    await q(`INSERT INTO alert_rules (name, kind, min_severity, scope, params, channel_ids, since_run_id, created_by, created_by_kind, created_by_id)
             VALUES ('legacy-all', 'NEW_FINDINGS', 'HIGH', '{"all": true}', '{}', $1, 0, 'pat@example.com', 'user', $2)`, [[channel], payAdmin.id]);
    await q(`UPDATE accounts SET ou_name = 'Payments' WHERE id = $1`, [B]); // B joins the rule's OU, not its maker's scope
    await mapGroup("pay-admins", "admin", { accounts: [A] });
    await finding("fa", A);
    await finding("fb", B);
    await run();
    await planNextBatch(database.pool, "https://app.example");
    const got = await digests();
    expect(got.payments).toEqual(["CVE-fa — fa | new · us-east-1 · i-fa"]);
    expect(got["legacy-all"]).toEqual(["CVE-fa — fa | new · us-east-1 · i-fa"]);
    expect(got.org).toEqual(["CVE-fa — fa | new · us-east-1 · i-fa", "CVE-fb — fb | new · us-east-1 · i-fb"]);
    const payloads = (await q(`SELECT d.payload FROM alert_deliveries d JOIN alert_rules r ON r.id = d.rule_id WHERE r.created_by_kind = 'user'`)).rows;
    for (const p of payloads) expect(JSON.stringify(p)).not.toContain(B);
  });

  it("counts nothing once its maker may no longer manage alerts; a failed run's reason without AWS's text", async () => {
    await rule("sync", { accounts: [A] }, "SYNC_FAILING");
    await rule("org-sync", "all", "SYNC_FAILING", localActor);
    const aws = `User: arn:aws:sts::${B}:assumed-role/InspectorateReadOnly/inspectorate is not authorized to perform: inspector2:ListFindings`;
    await run("FAILED", aws);
    await planNextBatch(database.pool, "https://app.example");
    const got = await digests();
    expect(got.sync).toEqual(["The last 1 sync runs failed | access denied — ask an admin"]);
    expect(got["org-sync"]).toEqual([`The last 1 sync runs failed | ${aws}`]);

    await mapGroup("pay-admins", "analyst", { ous: ["Payments"] }); // demoted: no "alerts" any more
    await finding("fc", A);
    await run();
    await planNextBatch(database.pool, "https://app.example");
    expect(Object.keys(await digests()).sort()).toEqual(["org"]);
  });
});
