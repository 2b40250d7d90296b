// A scoped admin (admin of account A only) and alerts: they list, pause and delete only rules within
// their admin scope; channels (shared by every rule) they use but may not add, test, pause or delete;
// the delivery log shows them only their rules' digests, none with another account's items. Each
// refusal is a 403 saying what and why, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/auth/app-error";
import { localActor } from "@/lib/auth/local-actor";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { deleteAlertThing, setAlertThingEnabled } from "./alert-thing-changes";
import { CHANNELS_NEED_WHOLE_ORG, createChannel } from "./channel-store";
import { createRule } from "./rule-store";
import { setAlertTestEnv } from "./test-support/alert-env";

setAlertTestEnv();
let database: TestDatabase;
const A = "111111111111", B = "222222222222";
const base = "http://127.0.0.1:3000/api/alerts";
const payAdmin: Actor = { kind: "user", id: "u-pay", name: "pay-admin@example.com", role: "admin", scope: { accountIds: [A] } };
let paySecret = "";
let channel = 0;
const asPay = (init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as object), authorization: `Bearer ${paySecret}` } });
const post = (url: string, body: unknown) => new Request(url, asPay({ method: "POST", body: JSON.stringify(body), headers: { origin: "http://127.0.0.1:3000", "content-type": "application/json" } }));
const q = (sql: string, params: unknown[] = []) => database.pool.query(sql, params);
const refusal = async (run: Promise<unknown>) => {
  const err = await run.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("forbidden");
  return (err as AppError).message;
};
const rule = (name: string, scope: unknown, actor = localActor) =>
  createRule(database.pool, actor, { name, kind: "NEW_FINDINGS", minSeverity: "HIGH", scope, channelIds: [channel], params: { runs: 1 } });

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await q(`INSERT INTO accounts (id, name, ou_name, lifecycle) VALUES ($1, 'a', 'Payments', 'ACTIVE'), ($2, 'b', 'Search', 'ACTIVE')`, [A, B]);
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  paySecret = (await createApiToken(localActor, { name: "pay-admin", role: "admin", scope: { accounts: [A] }, expiresInDays: 5 }, null)).secret;
  channel = (await createChannel(database.pool, localActor, { name: "hook", config: { kind: "WEBHOOK", url: "https://hooks.example/x", signingSecret: "s".repeat(16) } })).id;
}, 60_000);
afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db().close();
  await database.close();
});

describe("a scoped admin and alert rules", () => {
  it("lists only rules within their scope, and may not pause, resume or delete any other (403 naming it)", async () => {
    const org = await rule("org", "all");
    const search = await rule("search", { accounts: [B] });
    const own = await rule("payments", { ous: ["Payments"] }, payAdmin);
    const listed = await (await import("@/app/api/alerts/rules/route")).GET(new Request(`${base}/rules`, asPay()));
    expect(listed.status).toBe(200);
    const body = await listed.text();
    expect(JSON.parse(body).map((r: { name: string }) => r.name)).toEqual(["payments"]);
    expect(body).not.toContain(B);

    const audits = async () => (await q(`SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'alerts.rule.%'`)).rows[0].n as number;
    const before = await audits();
    for (const r of [org, search]) {
      expect(await refusal(setAlertThingEnabled(database.pool, payAdmin, "rule", r.id, false))).toBe(`alert rule "${r.name}" reaches beyond your admin scope: only an admin whose scope covers its accounts may pause it`);
      expect(await refusal(deleteAlertThing(database.pool, payAdmin, "rule", r.id))).toBe(`alert rule "${r.name}" reaches beyond your admin scope: only an admin whose scope covers its accounts may delete it`);
    }
    expect((await q(`SELECT name, enabled FROM alert_rules ORDER BY id`)).rows).toEqual([{ name: "org", enabled: true }, { name: "search", enabled: true }, { name: "payments", enabled: true }]);
    expect(await audits()).toBe(before);
    await setAlertThingEnabled(database.pool, payAdmin, "rule", own.id, false);
    expect(await audits()).toBe(before + 1);
  });
});

describe("a scoped admin and alert channels", () => {
  it("may not add, test, pause or delete a channel (403 saying channels are shared)", async () => {
    const channels = await import("@/app/api/alerts/channels/route");
    const added = await channels.POST(post(`${base}/channels`, { name: "mine", config: { kind: "WEBHOOK", url: "https://hooks.example/y", signingSecret: "s".repeat(16) } }));
    expect(added.status).toBe(403);
    expect(await added.json()).toMatchObject({ code: "forbidden", error: CHANNELS_NEED_WHOLE_ORG });
    const test = await import("@/app/api/alerts/channels/[id]/test/route");
    const tested = await test.POST(post(`${base}/channels/${channel}/test`, {}), { params: Promise.resolve({ id: String(channel) }) });
    expect(tested.status).toBe(403);
    expect(await refusal(setAlertThingEnabled(database.pool, payAdmin, "channel", channel, false))).toBe(CHANNELS_NEED_WHOLE_ORG);
    expect(await refusal(deleteAlertThing(database.pool, payAdmin, "channel", channel))).toBe(CHANNELS_NEED_WHOLE_ORG);
    expect((await q(`SELECT name, enabled FROM alert_channels`)).rows).toEqual([{ name: "hook", enabled: true }]);
    expect((await q(`SELECT count(*)::int AS n FROM alert_deliveries`)).rows[0].n).toBe(0);
    // They still list the channels (names and targets, never secrets) to use them in their rules.
    expect((await (await channels.GET(new Request(`${base}/channels`, asPay()))).json()).map((c: { name: string }) => c.name)).toEqual(["hook"]);
  });
});

describe("a scoped admin and the delivery log", () => {
  it("shows only digests of rules they may manage, and none with an item of another account", async () => {
    const ids = Object.fromEntries((await q(`SELECT name, id FROM alert_rules`)).rows.map((r) => [r.name, r.id]));
    const item = (account: string) => ({ title: `f-${account}`, severity: "HIGH", accountId: account, detail: "new", link: "https://app.example" });
    const digest = (heading: string, items: object[]) => JSON.stringify({ rule: heading, kind: "NEW_FINDINGS", heading, total: items.length, items, link: "https://app.example", runId: 1 });
    const deliver = (ruleId: number | null, kind: string, run: number, heading: string, items: object[]) =>
      q(`INSERT INTO alert_deliveries (channel_id, rule_id, run_id, kind, payload) VALUES ($1, $2, $3, $4, $5::jsonb)`, [channel, ruleId, run, kind, digest(heading, items)]);
    await deliver(ids.org, "DIGEST", 1, "org digest", [item(A), item(B)]);
    await deliver(ids.search, "DIGEST", 1, "search digest", [item(B)]);
    await deliver(ids.payments, "DIGEST", 1, "payments digest", [item(A)]);
    // Written while account B was in the rule's OU: its items stay out of the scoped admin's log.
    await deliver(ids.payments, "DIGEST", 2, "payments digest with B", [item(A), item(B)]);
    await deliver(null, "TEST", 3, "Test message", []);

    const route = (await import("@/app/api/alerts/deliveries/route")).GET;
    const scoped = await route(new Request(`${base}/deliveries`, asPay()));
    expect(scoped.status).toBe(200);
    expect((await scoped.json()).map((d: { heading: string }) => d.heading)).toEqual(["payments digest"]);
    const all = await (await route(new Request(`${base}/deliveries`))).json();
    expect(all.map((d: { heading: string }) => d.heading).sort()).toEqual(["Test message", "org digest", "payments digest", "payments digest with B", "search digest"]);
  });
});
