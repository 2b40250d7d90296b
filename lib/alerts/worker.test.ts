// The in-app worker: a finished in-app run (announced by the sync, which knows nothing of alerts)
// triggers a pass that queues and sends the digest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localActor } from "@/lib/auth/local-actor";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { announceRunFinished } from "@/lib/sync/run-listeners";
import type { SyncResult } from "@/lib/sync/run-sync";
import { createChannel } from "./channel-store";
import { createRule } from "./rule-store";
import { setAlertTestEnv } from "./test-support/alert-env";
import { startHttpReceiver } from "./test-support/receivers";
import { startAlertsWorker } from "./worker";

setAlertTestEnv();
process.env.INSPECTORATE_ALERTS_POLL_SECONDS = "3600"; // only the announcement may start a pass here
let database: TestDatabase;
let rx: Awaited<ReturnType<typeof startHttpReceiver>>;
beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  rx = await startHttpReceiver({ webhookSecret: "w".repeat(16), holdMs: 1_500 });
});
afterAll(async () => {
  await startAlertsWorker()?.stop(); // the pass in flight ends before its pool is closed
  await rx.close();
  const { db } = await import("@/lib/db/client");
  await db().close();
  await database.close();
});

describe("alerts worker", () => {
  it("sends after an announced run", async () => {
    const ch = await createChannel(database.pool, localActor, { name: "teams", config: { kind: "TEAMS", url: `${rx.url}/teams` } });
    await createRule(database.pool, localActor, { name: "Crit", kind: "NEW_FINDINGS", minSeverity: "CRITICAL", scope: "all", channelIds: [ch.id] });
    expect(startAlertsWorker()).toBeDefined();
    const { rows } = await database.pool.query(`INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('manual', 'SUCCEEDED', now()) RETURNING id`);
    await database.pool.query(
      `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id, first_observed_at, last_observed_at, updated_at, raw)
       VALUES ('arn:f1', '111111111111', 'us-east-1', 'PACKAGE_VULNERABILITY', 'openssl', 'CRITICAL', 'ACTIVE', 'CVE-2099-7', 'AWS_EC2_INSTANCE', 'i-1', now(), now(), now(), '{}')`);
    announceRunFinished({ runId: rows[0].id } as SyncResult);
    await expect.poll(() => rx.ok("/teams").length, { timeout: 10_000 }).toBe(1);
    expect(rx.ok("/teams")[0].body).toContain("CVE-2099-7");
  });

  it("stops only once the pass in flight has ended, so its pool may be closed after", async () => {
    const ch = await createChannel(database.pool, localActor, { name: "teams slow", config: { kind: "TEAMS", url: `${rx.url}/teams/slow` } });
    await createRule(database.pool, localActor, { name: "Crit slow", kind: "NEW_FINDINGS", minSeverity: "CRITICAL", scope: "all", channelIds: [ch.id] });
    const { rows } = await database.pool.query(`INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('manual', 'SUCCEEDED', now()) RETURNING id`);
    await database.pool.query(
      `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id, first_observed_at, last_observed_at, updated_at, raw)
       VALUES ('arn:f2', '111111111111', 'us-east-1', 'PACKAGE_VULNERABILITY', 'curl', 'CRITICAL', 'ACTIVE', 'CVE-2099-8', 'AWS_EC2_INSTANCE', 'i-2', now(), now(), now(), '{}')`);
    announceRunFinished({ runId: rows[0].id } as SyncResult);
    // The digest has reached the receiver, which holds its answer for 1.5 s: the pass is in flight.
    await expect.poll(() => rx.received.filter((r) => r.path === "/teams/slow").length, { timeout: 10_000 }).toBe(1);
    const delivery = () => database.pool.query(`SELECT status FROM alert_deliveries WHERE channel_id = $1`, [ch.id]).then((r) => r.rows.map((x) => x.status));
    expect(await delivery()).toEqual(["PENDING"]);
    await startAlertsWorker()!.stop();
    expect(await delivery()).toEqual(["SENT"]);
  });
});
