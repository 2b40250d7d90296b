// The production build with DATABASE_READ_URL: the launcher migrates and syncs the primary only,
// the pages and the JSON API answer from the replica (a second database the test fills, one
// sync "behind"), readiness reports the replica apart and fails, naming it, once it is gone.
// Needs TEST_DATABASE_URL: a replica is refused beside the embedded database (vitest.standalone.config).
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { createEmptyTestDatabase } from "@/lib/db/test-database";
import { addAccount, addAccountRegion, addFinding, addRow } from "@/lib/queries/test-fixtures";
import { copyStandalone, startApp, waitFor, type AppProcess } from "./app-process";

let app: AppProcess;
let dir: string;
let primary: Awaited<ReturnType<typeof createEmptyTestDatabase>>;
let replica: Awaited<ReturnType<typeof createEmptyTestDatabase>>;
let replicaArn: string;
const replicaSync = new Date("2026-11-30T06:00:00Z");
const json = async (path: string) => (await fetch(app.url + path)).json();

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error("a read replica needs TEST_DATABASE_URL (a Postgres server)");
  [primary, replica] = [await createEmptyTestDatabase(), await createEmptyTestDatabase()];
  await applyMigrations(replica.url); // what replication of the primary's schema would do
  const r = createDatabase(replica.url, 1);
  await addAccount(r, "999999999999", { name: "replica-only-account" });
  await addAccountRegion(r, "999999999999", "us-east-1");
  replicaArn = await addFinding(r, { account_id: "999999999999", severity: "CRITICAL" });
  await addRow(r, "sync_runs", { trigger: "demo", started_at: new Date(replicaSync.getTime() - 60_000), finished_at: replicaSync, outcome: "SUCCEEDED" });
  await r.close();
  dir = copyStandalone();
  app = await startApp(dir, { DATABASE_URL: primary.url, DATABASE_READ_URL: replica.url, INSPECTORATE_DEMO_FINDINGS: "300", INSPECTORATE_DEMO_SEED: "7" });
  await waitFor(app, "/api/health/ready");
});

afterAll(async () => {
  const code = await app?.stop();
  await primary?.drop();
  await replica?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe("the app with a read replica", () => {
  it("syncs into the primary and reports both databases apart in readiness", async () => {
    await expect.poll(async () => (await json("/api/health/ready")).lastSuccessfulSync, { timeout: 120_000, interval: 1_000 }).not.toBeNull();
    const ready = await json("/api/health/ready");
    expect(ready).toMatchObject({ ready: true, database: { reachable: true }, replica: { ready: true, reachable: true, lastSuccessfulSync: { finishedAt: replicaSync.toISOString() } } });
    expect(ready.lastSuccessfulSync.finishedAt).not.toBe(replicaSync.toISOString());
    expect(ready.replica.syncBehindSeconds).toBeGreaterThan(0);
    expect((await json("/api/sync")).lastRun.findingsUpserted).toBeGreaterThan(0); // the sync's own record: the primary
  });

  it("answers read pages and the JSON API from the replica", async () => {
    const page = await json("/api/findings?status=ACTIVE");
    expect(page).toMatchObject({ kind: "list", total: 1 });
    expect(page.rows.map((r: { arn: string }) => r.arn)).toEqual([replicaArn]);
    const overview = await (await fetch(app.url + "/")).text();
    expect(overview).toContain("replica-only-account");
  });

  it("fails readiness naming the replica once it is gone, without its URL", async () => {
    await replica.drop();
    const res = await fetch(app.url + "/api/health/ready");
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({ ready: false, database: { reachable: true }, replica: { ready: false } });
    expect(JSON.parse(text).replica.error).toMatch(/^read replica \(DATABASE_READ_URL\)/);
    expect(text).not.toContain(replica.url);
    expect(text).not.toContain(new URL(replica.url).password + "@");
  });
});
