// At least once, exactly one success: a receiver answering 500 twice then 200 gets one delivery
// after two backoffs; two senders racing (two replicas) never send the same delivery twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAlertTestEnv } from "./test-support/alert-env";
import { localActor } from "@/lib/auth/local-actor";
import { createDatabase } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createChannel } from "./channel-store";
import { deliverDue } from "./deliver";
import { testDigest } from "./digest";
import { startHttpReceiver } from "./test-support/receivers";

const policy = setAlertTestEnv();
const secret = "w".repeat(32);
let database: TestDatabase;
let rx: Awaited<ReturnType<typeof startHttpReceiver>>;
beforeAll(async () => {
  database = await createTestDatabase();
  rx = await startHttpReceiver({ webhookSecret: secret, failFirst: 2 });
});
afterAll(async () => { await rx.close(); await database.close(); });

async function queue(channelId: number): Promise<string> {
  const { rows } = await database.pool.query(`INSERT INTO alert_deliveries (channel_id, kind, payload) VALUES ($1, 'DIGEST', $2::jsonb) RETURNING id`, [channelId, JSON.stringify(testDigest("x", "https://app.example"))]);
  return String(rows[0].id);
}
const row = async (id: string) => (await database.pool.query(`SELECT status, attempts, last_error, log FROM alert_deliveries WHERE id = $1`, [id])).rows[0];

describe("delivery", () => {
  it("retries with backoff: 500, 500, 200 is one delivery", async () => {
    const ch = await createChannel(database.pool, localActor, { name: "flaky", config: { kind: "WEBHOOK", url: `${rx.url}/flaky`, signingSecret: secret } });
    const id = await queue(ch.id);
    for (let i = 0; i < 40 && (await row(id)).status === "PENDING"; i++) {
      await deliverDue(database.pool, { policy, backoffBaseMs: 30 });
      await new Promise((ok) => setTimeout(ok, 25));
    }
    const r = await row(id);
    expect(r).toMatchObject({ status: "SENT", attempts: 3, last_error: null });
    expect(r.log.map((l: { ok: boolean; error: string | null }) => [l.ok, l.error])).toEqual([[false, "HTTP 500: server error"], [false, "HTTP 500: server error"], [true, null]]);
    expect(rx.received.filter((x) => x.path === "/flaky").map((x) => x.status)).toEqual([500, 500, 200]);
    await deliverDue(database.pool, { policy, backoffBaseMs: 30 });
    expect(rx.ok("/flaky")).toHaveLength(1);
  });

  it("gives up after maxAttempts with the reason in the log", async () => {
    const ch = await createChannel(database.pool, localActor, { name: "nowhere", config: { kind: "SLACK", url: "https://169.254.169.254/hook" } });
    const id = await queue(ch.id);
    await deliverDue(database.pool, { policy: { httpHosts: [], privateHosts: [] }, backoffBaseMs: 0, maxAttempts: 1 });
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 1 });
    expect((await row(id)).last_error).toMatch(/refused: .*169\.254\.169\.254.*link-local/);
  });

  it("two replicas racing send each delivery once", async () => {
    const ch = await createChannel(database.pool, localActor, { name: "hook", config: { kind: "WEBHOOK", url: `${rx.url}/webhook`, signingSecret: secret } });
    const ids = await Promise.all(Array.from({ length: 6 }, () => queue(ch.id)));
    const other = createDatabase(database.url, 3);
    try {
      await Promise.all([deliverDue(database.pool, { policy }), deliverDue(other.pool, { policy }), deliverDue(other.pool, { policy })]);
    } finally {
      await other.close();
    }
    for (const id of ids) expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(rx.ok("/webhook")).toHaveLength(6);
  });
});
