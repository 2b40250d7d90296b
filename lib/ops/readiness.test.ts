import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { expectedMigrations, readiness } from "./readiness";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("readiness", () => {
  it("is ready on a migrated database and reports no sync yet", async () => {
    const r = await readiness(t.pool);
    expect(r).toMatchObject({ ready: true, database: { reachable: true }, lastSync: null, lastSuccessfulSync: null });
    expect(r.migrations).toMatchObject({ pending: [], applied: expectedMigrations().length });
  });

  it("is not ready while a migration is pending, and names it", async () => {
    const r = await readiness(t.pool, () => [...expectedMigrations(), "99990101000000_later"]);
    expect(r.ready).toBe(false);
    expect(r.migrations).toMatchObject({ pending: ["99990101000000_later"] });
  });

  it("reports the last successful sync and its age", async () => {
    await t.pool.query(
      `INSERT INTO sync_runs (trigger, outcome, started_at, finished_at) VALUES
       ('cli', 'SUCCEEDED', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z'),
       ('cli', 'FAILED', '2026-01-01T01:00:00Z', '2026-01-01T01:00:30Z')`,
    );
    const r = await readiness(t.pool, expectedMigrations, new Date("2026-01-01T02:01:00Z"));
    expect(r.lastSuccessfulSync).toMatchObject({ finishedAt: "2026-01-01T00:01:00.000Z", ageSeconds: 7200 });
    expect(r.lastSync).toMatchObject({ outcome: "FAILED", ageSeconds: 3630 });
  });

  it("is not ready when the database does not answer", async () => {
    const r = await readiness({ query: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:1\nmore")) } as never);
    expect(r).toMatchObject({ ready: false, database: { reachable: false, error: "connect ECONNREFUSED 127.0.0.1:1" } });
  });
});
