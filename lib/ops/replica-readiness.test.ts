import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { expectedMigrations, readiness } from "./readiness";
import { replicaReadiness, withReplica } from "./replica-readiness";

const deadUrl = "postgresql://app:topsecret-pw@127.0.0.1:1/inspectorate";
let primary: TestDatabase, replica: TestDatabase, dead: Database;
beforeAll(async () => {
  [primary, replica] = [await createTestDatabase(), await createTestDatabase()];
  dead = createDatabase(deadUrl, 1);
  await replica.pool.query(`INSERT INTO sync_runs (trigger, outcome, started_at, finished_at) VALUES ('cli', 'SUCCEEDED', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z')`);
});
afterAll(async () => {
  await dead?.close();
  await replica?.close();
  await primary?.close();
});

describe("the read replica in readiness", () => {
  it("is ready when it answers with every migration, and shows its own last sync", async () => {
    const r = await replicaReadiness(replica.pool, replica.url, expectedMigrations, new Date("2026-01-01T01:01:00Z"));
    expect(r).toMatchObject({ ready: true, reachable: true, lastSuccessfulSync: { ageSeconds: 3600 }, replayLagSeconds: null });
    expect(r.error).toBeUndefined();
  });

  it("says how far its last sync is behind the primary's", async () => {
    await primary.pool.query(`INSERT INTO sync_runs (trigger, outcome, started_at, finished_at) VALUES ('cli', 'SUCCEEDED', '2026-01-01T00:30:00Z', '2026-01-01T00:31:00Z')`);
    const both = withReplica(await readiness(primary.pool), await replicaReadiness(replica.pool, replica.url));
    expect(both.replica.syncBehindSeconds).toBe(1800);
    await primary.pool.query("DELETE FROM sync_runs");
    expect(withReplica(await readiness(primary.pool), await replicaReadiness(replica.pool, replica.url)).replica.syncBehindSeconds).toBeNull();
  });

  it("fails readiness when it lacks a migration, naming the replica", async () => {
    const r = await replicaReadiness(replica.pool, replica.url, () => [...expectedMigrations(), "99990101000000_later"]);
    expect(r).toMatchObject({ ready: false, reachable: true, error: "read replica (DATABASE_READ_URL) lacks migrations: 99990101000000_later" });
    expect(withReplica(await readiness(primary.pool), r).ready).toBe(false);
  });

  it("fails readiness when it does not answer, without its URL or password", async () => {
    const r = await replicaReadiness(dead.pool, deadUrl);
    expect(r).toMatchObject({ ready: false, reachable: false });
    expect(r.error).toMatch(/^read replica \(DATABASE_READ_URL\) does not answer: /);
    const leaky = { query: () => Promise.reject(new Error(`could not connect to ${deadUrl} (password topsecret-pw)`)) };
    const masked = await replicaReadiness(leaky as never, deadUrl);
    for (const text of [JSON.stringify(r), JSON.stringify(masked)]) {
      expect(text).not.toContain("topsecret-pw");
      expect(text).not.toContain(deadUrl);
    }
    const both = withReplica(await readiness(primary.pool), r);
    expect(both).toMatchObject({ ready: false, database: { reachable: true }, replica: { reachable: false } });
  });
});

describe("GET /api/health/ready with DATABASE_READ_URL", () => {
  const saved = { ...process.env };
  const holder = globalThis as { __inspectorateDb?: Database; __inspectorateReadDb?: Database };
  afterAll(() => {
    delete holder.__inspectorateReadDb;
    delete holder.__inspectorateDb;
    process.env = saved;
  });

  it("answers 503 naming the replica when only the replica is down, and 200 once it answers", async () => {
    holder.__inspectorateDb = primary;
    process.env.DATABASE_READ_URL = deadUrl;
    const { GET } = await import("@/app/api/health/ready/route");
    const down = await GET(new Request("http://127.0.0.1:3000/api/health/ready"));
    const text = await down.text();
    expect(down.status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({ ready: false, database: { reachable: true }, replica: { ready: false, reachable: false } });
    expect(text).not.toContain("topsecret-pw");
    await holder.__inspectorateReadDb?.close();
    holder.__inspectorateReadDb = replica;
    const up = await GET(new Request("http://127.0.0.1:3000/api/health/ready"));
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ ready: true, replica: { ready: true, lastSuccessfulSync: { finishedAt: "2026-01-01T00:01:00.000Z" } } });
  });

  it("exports the read pool and the replica's last successful sync as metrics; no sync yet is no series, not 0", async () => {
    holder.__inspectorateDb = primary;
    holder.__inspectorateReadDb = replica;
    await primary.pool.query("DELETE FROM sync_runs");
    const { metrics } = await import("./metrics");
    const text = await metrics().registry.metrics();
    expect(text).toContain("# TYPE inspectorate_last_successful_sync_timestamp_seconds gauge");
    expect(text).not.toMatch(/^inspectorate_last_successful_sync_timestamp_seconds /m);
    expect(text).toMatch(/inspectorate_db_read_pool_connections\{state="total"\} \d/);
    expect(text).toContain(`inspectorate_read_replica_last_successful_sync_timestamp_seconds ${Date.parse("2026-01-01T00:01:00Z") / 1000}`);
  });
});
