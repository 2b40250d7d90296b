// The alerts API in local mode: a saved channel's secret never comes back (nor is it in the
// table or the audit trail), every change is audited, a bad body names its field, and "send test"
// reaches a local receiver and shows in the delivery log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAlertTestEnv } from "@/lib/alerts/test-support/alert-env";
import { startHttpReceiver } from "@/lib/alerts/test-support/receivers";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";

setAlertTestEnv();
let database: TestDatabase;
let rx: Awaited<ReturnType<typeof startHttpReceiver>>;
const base = "http://127.0.0.1:3000/api/alerts";
const post = (url: string, body: unknown) => new Request(url, { method: "POST", body: JSON.stringify(body), headers: { origin: "http://127.0.0.1:3000", "content-type": "application/json" } });

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  rx = await startHttpReceiver({ webhookSecret: "x".repeat(16) });
});
afterAll(async () => {
  await rx.close();
  const { db } = await import("@/lib/db/client");
  await db().close();
  await database.close();
});

describe("alerts API", () => {
  it("saves a channel without ever answering, storing or auditing its URL", async () => {
    const channels = await import("./channels/route");
    const url = `${rx.url}/slack/T000/B000/very-secret-token`;
    const res = await channels.POST(post(`${base}/channels`, { name: "sec", config: { kind: "SLACK", url } }));
    expect(res.status).toBe(201);
    const created = await res.json();
    const listed = await (await channels.GET(new Request(`${base}/channels`))).text();
    const { rows } = await database.pool.query(`SELECT (SELECT string_agg(secret || summary, '') FROM alert_channels) AS c, (SELECT string_agg(detail::text, '') FROM audit_events WHERE action = 'alerts.channel.saved') AS a`);
    for (const text of [JSON.stringify(created), listed, rows[0].c, rows[0].a]) expect(text).not.toContain("very-secret-token");
    expect(created.summary).toBe(`${new URL(rx.url).host} (URL hidden)`);

    const bad = await channels.POST(post(`${base}/channels`, { name: "x", config: { kind: "WEBHOOK", url: "https://h.example", signingSecret: "short" } }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/signingSecret/);

    const test = await import("./channels/[id]/test/route");
    const sent = await test.POST(post(`${base}/channels/${created.id}/test`, {}), { params: Promise.resolve({ id: String(created.id) }) });
    expect(await sent.json()).toMatchObject({ ok: true, error: null });
    expect(rx.ok("/slack")).toHaveLength(1);
    const log = await (await (await import("./deliveries/route")).GET(new Request(`${base}/deliveries`))).json();
    expect(log[0]).toMatchObject({ kind: "TEST", status: "SENT", channelName: "sec" });
  });

  it("saves a rule for existing channels only, audited", async () => {
    const rules = await import("./rules/route");
    const refused = await rules.POST(post(`${base}/rules`, { name: "r", kind: "NEW_FINDINGS", scope: "all", channelIds: [999] }));
    expect(refused.status).toBe(400);
    const ok = await rules.POST(post(`${base}/rules`, { name: "Crit", kind: "NEW_FINDINGS", minSeverity: "CRITICAL", scope: { ous: ["Production"] }, channelIds: [1] }));
    expect(ok.status).toBe(201);
    const { rows } = await database.pool.query(`SELECT action, actor_name FROM audit_events ORDER BY id`);
    expect(rows.map((r) => r.action)).toEqual(["alerts.channel.saved", "alerts.channel.tested", "alerts.rule.saved"]);
  });
});
