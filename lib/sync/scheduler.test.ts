import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { startScheduler } from "./scheduler";
import { withSyncLock } from "./run/sync-lock";
import { SyncAlreadyRunningError } from "./run/run-record";

describe("scheduler", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());

  const slowRun = (ran: string[], name: string) => (trigger: string) =>
    withSyncLock(t.pool, async () => {
      ran.push(`${name}:${trigger}`);
      await new Promise((r) => setTimeout(r, 150));
      return { runId: ran.length, outcome: "SUCCEEDED" };
    });

  it("two schedulers ticking at once: exactly one runs, the other skips", async () => {
    const ran: string[] = [];
    const a = startScheduler({ intervalMinutes: 60, pool: t.pool, trigger: "schedule", run: slowRun(ran, "a"), startupDelayMs: 60_000 });
    const b = startScheduler({ intervalMinutes: 60, pool: t.pool, trigger: "schedule", run: slowRun(ran, "b"), startupDelayMs: 60_000 });
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    a.stop();
    b.stop();
    expect(ran).toHaveLength(1);
    expect([ra.ran, rb.ran].sort()).toEqual([false, true]);
    expect([ra, rb].find((r) => !r.ran)?.skipped).toContain("a sync is already running");
  });

  it("runs at startup when no run ever finished, not when the last one is recent, again when it is old", async () => {
    const ran: string[] = [];
    const first = startScheduler({ intervalMinutes: 60, pool: t.pool, trigger: "demo", run: slowRun(ran, "s") });
    expect(await first.ready).toMatchObject({ ran: true });
    first.stop();
    expect(ran).toEqual(["s:demo"]);

    await t.pool.query("INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('cli', 'SUCCEEDED', now() - interval '10 minutes')");
    const recent = startScheduler({ intervalMinutes: 60, pool: t.pool, trigger: "schedule", run: slowRun(ran, "s") });
    expect(await recent.ready).toBeNull();
    recent.stop();

    const later = startScheduler({ intervalMinutes: 60, pool: t.pool, trigger: "schedule", run: slowRun(ran, "s"), now: () => new Date(Date.now() + 2 * 3_600_000) });
    expect(await later.ready).toMatchObject({ ran: true });
    later.stop();
    expect(ran).toEqual(["s:demo", "s:schedule"]);
  });

  it("an interval of 0 disables the schedule", async () => {
    const ran: string[] = [];
    const off = startScheduler({ intervalMinutes: 0, pool: t.pool, trigger: "schedule", run: slowRun(ran, "x") });
    expect(await off.ready).toBeNull();
    expect(ran).toEqual([]);
  });

  it("another instance holding the advisory lock (or, on the one-session embedded database, this process's run) blocks a run", async () => {
    if (t.flavour === "postgres-server") {
      // A second app instance is another session: it holds the lock, we must not run.
      const other = new pg.Client(t.pool.options);
      await other.connect();
      await other.query("SELECT pg_advisory_lock(7415502911)");
      await expect(withSyncLock(t.pool, async () => "ran")).rejects.toBeInstanceOf(SyncAlreadyRunningError);
      await other.query("SELECT pg_advisory_unlock(7415502911)");
      await other.end();
    } else {
      // PGlite has one session, where advisory locks cannot exclude; the in-process guard does.
      const inner = withSyncLock(t.pool, () => new Promise((r) => setTimeout(() => r("first"), 100)));
      await expect(withSyncLock(t.pool, async () => "second")).rejects.toBeInstanceOf(SyncAlreadyRunningError);
      expect(await inner).toBe("first");
    }
    expect(await withSyncLock(t.pool, async () => "free again")).toBe("free again");
  });

  it("replicas whose timers drift apart still sync once per interval: a run finished within half an interval skips the tick", async () => {
    const ran: string[] = [];
    const a = startScheduler({ intervalMinutes: 60, pool: t.pool, trigger: "schedule", run: slowRun(ran, "a"), startupDelayMs: 60_000 });
    const b = startScheduler({ intervalMinutes: 60, pool: t.pool, trigger: "schedule", run: slowRun(ran, "b"), startupDelayMs: 60_000 });
    await t.pool.query("DELETE FROM sync_runs");
    await t.pool.query("INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('schedule', 'SUCCEEDED', now() - interval '40 minutes')");
    expect(await a.due()).toMatchObject({ ran: true });
    await t.pool.query("INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('schedule', 'SUCCEEDED', now())"); // a's run, recorded
    expect(await b.due()).toMatchObject({ ran: false, skipped: "a run finished recently" });
    a.stop();
    b.stop();
    expect(ran).toEqual(["a:schedule"]);
  });
});
