import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allFindings, inspector } from "@/emulator/test-support";
import { cacheStatusCounts, emulatorStatusCounts, startSyncWorld, type SyncWorld } from "./test-support";

class Crash extends Error {}

describe("a run killed between batches", () => {
  let w: SyncWorld;
  const q = async (sql: string, params: unknown[] = []) => (await w.database.pool.query(sql, params)).rows;
  beforeAll(async () => {
    w = await startSyncWorld({ findings: 1500 }, { batchSize: 100, fullSyncEveryMs: 365 * 86_400_000 });
  });
  afterAll(async () => w?.close());

  it("leaves whole batches and marks only on partitions it listed whole; the next run completes with nothing lost or doubled", async () => {
    const killed = await w.sync({ afterBatch: (n) => { if (n === 4) throw new Crash("killed after 4 batches"); } });
    expect(killed.outcome).toBe("FAILED");
    expect(killed.error).toContain("killed after 4 batches");
    const [partial] = await q("SELECT count(*)::int AS n FROM findings");
    expect(partial.n).toBeGreaterThan(0);
    const aws = await emulatorStatusCounts(w);
    expect(partial.n).toBeLessThan(Object.values(aws).reduce((a, b) => a + b, 0));
    // A partition listed whole before the kill keeps its mark (watermark.ts): regions list in parallel,
    // and a small one may finish within the first four batches. Every mark the run left is on a partition
    // the cache holds whole; the ones it did not finish have none.
    const marked = await q("SELECT account_id, region FROM account_regions WHERE findings_since IS NOT NULL");
    const held = await q("SELECT account_id, region, count(*)::int AS n FROM findings GROUP BY 1, 2");
    const listed = new Map<string, number>();
    for (const region of w.config.regions) {
      const client = inspector(w.emu, region);
      for (const f of await allFindings(client)) listed.set(`${f.awsAccountId}/${region}`, (listed.get(`${f.awsAccountId}/${region}`) ?? 0) + 1);
      client.destroy();
    }
    const heldOf = new Map(held.map((r) => [`${r.account_id}/${r.region}`, r.n as number]));
    for (const m of marked) expect(heldOf.get(`${m.account_id}/${m.region}`) ?? 0, `${m.account_id}/${m.region}`).toBe(listed.get(`${m.account_id}/${m.region}`) ?? 0);
    expect(marked.length).toBeLessThan(listed.size);
    // It was a first load (indexes deferred): the failed run still rebuilt them on its way out.
    expect(await q("SELECT * FROM deferred_indexes")).toEqual([]);
    expect((await q("SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'findings'"))[0].n).toBeGreaterThan(5);

    const resumed = await w.sync();
    expect(resumed.outcome).toBe("SUCCEEDED");
    expect(await cacheStatusCounts(w)).toEqual(await emulatorStatusCounts(w));
    // Nothing doubled: one row per finding, and a first listing records no change events at all.
    const dupes = await q("SELECT arn FROM findings GROUP BY 1 HAVING count(*) > 1");
    expect(dupes).toEqual([]);
    expect(await q("SELECT kind, count(*)::int AS n FROM finding_events GROUP BY 1")).toEqual([]);
  });

  it("an incremental run killed mid-way keeps the old watermark and the retry catches up exactly once", async () => {
    const [wm0] = await q("SELECT findings_since FROM sync_watermarks WHERE region = 'us-east-1'");
    await w.emu.advance(5);
    const killed = await w.sync({ afterBatch: (n) => { if (n === 1) throw new Crash("killed after 1 batch"); } });
    expect(killed.outcome).toBe("FAILED");
    const [wm1] = await q("SELECT findings_since FROM sync_watermarks WHERE region = 'us-east-1'");
    expect(wm1.findings_since).toEqual(wm0.findings_since);

    const resumed = await w.sync();
    expect(resumed.outcome).toBe("SUCCEEDED");
    const cache = await cacheStatusCounts(w);
    const aws = await emulatorStatusCounts(w);
    for (const k of Object.keys(aws).filter((k) => !k.endsWith("/CLOSED"))) expect(cache[k]).toBe(aws[k]);
    // Each status change is recorded once, whether the killed run or the retry wrote it.
    const dupes = await q(
      `SELECT finding_arn, at, kind, to_value FROM finding_events
       GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`,
    );
    expect(dupes).toEqual([]);
    const mismatches = await q("SELECT * FROM sync_account_results WHERE run_id = $1 AND integrity_match = false", [resumed.runId]);
    expect(mismatches).toEqual([]);
  });

  it("a run left RUNNING by a dead process is closed as interrupted, and refuses while one is live", async () => {
    const stale = new Date(Date.now() - 10 * 60_000);
    const [ghost] = await q("INSERT INTO sync_runs (trigger, started_at, outcome, progress) VALUES ('cli', $1, 'RUNNING', $2) RETURNING id", [
      stale, JSON.stringify({ heartbeatAt: stale.toISOString() }),
    ]);
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    const [closed] = await q("SELECT outcome, error FROM sync_runs WHERE id = $1", [ghost.id]);
    expect(closed).toEqual({ outcome: "FAILED", error: "interrupted: the syncing process stopped without finishing" });

    const [live] = await q("INSERT INTO sync_runs (trigger, outcome, progress) VALUES ('cli', 'RUNNING', $1) RETURNING id", [
      JSON.stringify({ heartbeatAt: new Date().toISOString() }),
    ]);
    await expect(w.sync()).rejects.toThrow(`a sync is already running (run #${live.id}`);
    await q("UPDATE sync_runs SET outcome = 'FAILED' WHERE id = $1", [live.id]);
  });
});
