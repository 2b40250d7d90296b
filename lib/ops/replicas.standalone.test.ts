// Two replicas of the production build on one Postgres server, as behind a load balancer: both
// serve the same numbers, exactly one runs the scheduled sync (the advisory lock across
// processes), and "Sync now" on one shows its progress on the other. Needs TEST_DATABASE_URL: the
// embedded PGlite is one session inside one process and cannot be shared (vitest.standalone.config).
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyTestDatabase } from "@/lib/db/test-database";
import { copyStandalone, startApp, waitFor, type AppProcess } from "./app-process";

let a: AppProcess;
let b: AppProcess;
let dir: string;
let database: Awaited<ReturnType<typeof createEmptyTestDatabase>>;
let pool: pg.Pool;

const json = async (app: AppProcess, path: string) => (await fetch(app.url + path)).json();
const runsStarted = (app: AppProcess) => app.output().split("\n").filter((l) => l.includes('"msg":"sync run started"')).length;

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error("replicas need TEST_DATABASE_URL (a Postgres server)");
  database = await createEmptyTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  dir = copyStandalone();
  // Same demo organization in both (each launcher starts its own emulator from the same seed).
  const env = { DATABASE_URL: database.url, INSPECTORATE_DEMO_FINDINGS: "400", INSPECTORATE_DEMO_SEED: "7", INSPECTORATE_SYNC_INTERVAL_MINUTES: "60" };
  [a, b] = await Promise.all([startApp(dir, env), startApp(dir, env)]);
  await Promise.all([waitFor(a, "/api/health/ready"), waitFor(b, "/api/health/ready")]);
});

afterAll(async () => {
  const codes = await Promise.all([a?.stop(), b?.stop()]);
  await pool?.end();
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(codes).toEqual([0, 0]);
});

describe("two replicas on one database", () => {
  it("run the startup sync exactly once between them", async () => {
    await expect.poll(async () => (await json(a, "/api/health/ready")).lastSuccessfulSync, { timeout: 120_000, interval: 1_000 }).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5_000)); // the other replica's startup decision has been taken by now
    const { rows } = await pool.query("SELECT id, trigger, outcome FROM sync_runs");
    expect(rows).toEqual([{ id: 1, trigger: "demo", outcome: "SUCCEEDED" }]);
    expect(runsStarted(a) + runsStarted(b)).toBe(1);
  });

  it("serve the same numbers", async () => {
    const [sa, sb] = await Promise.all([json(a, "/api/sync"), json(b, "/api/sync")]);
    expect(sa.lastRun).toEqual(sb.lastRun);
    expect(sa.lastRun.findingsUpserted).toBeGreaterThan(0);
    const query = "/api/findings?severity=CRITICAL";
    const [fa, fb] = await Promise.all([json(a, query), json(b, query)]);
    expect(fa).toEqual(fb);
    const [ra, rb] = await Promise.all([json(a, "/api/health/ready"), json(b, "/api/health/ready")]);
    expect(ra.lastSuccessfulSync).toEqual(rb.lastSuccessfulSync);
  });

  it("show a Sync now started on one as running on the other, and refuse a second one there", async () => {
    const post = (app: AppProcess) =>
      fetch(`${app.url}/api/sync`, { method: "POST", headers: { "content-type": "application/json", origin: app.url }, body: JSON.stringify({ full: true }) });
    const started = await post(a);
    expect(started.status).toBe(202);
    const { runId } = await started.json();
    await expect.poll(async () => {
      const s = await json(b, "/api/sync");
      return s.running && s.progress?.runId === runId;
    }, { timeout: 30_000, interval: 200 }).toBe(true);
    expect((await post(b)).status).toBe(409);
    await expect.poll(async () => (await json(b, "/api/sync")).lastRun?.id, { timeout: 120_000, interval: 1_000 }).toBe(runId);
    expect((await json(a, "/api/sync")).lastRun.id).toBe(runId);
  });
});
