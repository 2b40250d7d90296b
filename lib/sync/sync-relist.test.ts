import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheStatusCounts, emulatorStatusCounts, startSyncWorld, type SyncWorld } from "./test-support";

// Issue 16: a daily full re-listing rewrites only what changed; the rest is marked seen, and gone
// detection still finds what Inspector stopped listing. Real SDK against the emulator, real Postgres.
describe("a full re-listing of an unchanged organization", () => {
  let w: SyncWorld;
  const q = async (sql: string, params: unknown[] = []) => (await w.database.pool.query(sql, params)).rows;
  const versions = async () => new Map((await q("SELECT arn, xmin::text AS x FROM findings")).map((r) => [r.arn as string, r.x as string]));
  // xmax moves when a row is locked as well as when it is replaced: a locked row costs WAL too.
  const locks = async () => new Map((await q("SELECT arn, xmax::text AS x FROM findings")).map((r) => [r.arn as string, r.x as string]));
  const rewritten = (a: Map<string, string>, b: Map<string, string>) => [...b].filter(([arn, x]) => a.get(arn) !== x).map(([arn]) => arn).sort();
  beforeAll(async () => {
    w = await startSyncWorld({ findings: 1200 }, { batchSize: 50, queueBytes: 150 * 4096 });
    const first = await w.sync();
    expect(first.outcome).toBe("SUCCEEDED");
    expect(first.queuePeakBytes).toBeLessThanOrEqual(150 * 4096);
  });
  afterAll(async () => w?.close());

  it("writes no finding row, index entry, lock or event, and records the run's counts as before", async () => {
    const before = await versions();
    const lockedBefore = await locks();
    const events = (await q("SELECT count(*)::int AS n FROM finding_events"))[0].n;
    const r = await w.sync({ full: true });
    expect(r.outcome).toBe("SUCCEEDED");
    expect(r.regions.every((g) => g.findings?.mode === "FULL")).toBe(true);
    expect(rewritten(before, await versions())).toEqual([]);
    expect(rewritten(lockedBefore, await locks())).toEqual([]);
    expect((await q("SELECT count(*)::int AS n FROM finding_events"))[0].n).toBe(events);
    const changed = r.regions.reduce((n, g) => n + (g.findings?.partitions.reduce((m, p) => m + p.changed, 0) ?? 0), 0);
    expect(changed).toBe(0);
    const [run] = await q("SELECT findings_upserted FROM sync_runs WHERE id = $1", [r.runId]);
    expect(run.findings_upserted).toBe(before.size); // every listed finding, as before: written or confirmed
    expect((await q("SELECT count(*)::int AS n FROM finding_seen"))[0].n).toBe(0); // emptied at the run's end
    expect(await cacheStatusCounts(w)).toEqual(await emulatorStatusCounts(w));
  });

  it("after days of change rewrites exactly the changed findings and the deleted ones (gone), nothing else", async () => {
    const state = async () => new Map((await q("SELECT arn, xmin::text AS x, updated_at, status FROM findings")).map((r) => [r.arn as string, r]));
    const before = await state();
    await w.emu.advance(4); // closures, reopenings, suppressions; closed findings past retention deleted
    const r = await w.sync({ full: true });
    expect(r.outcome).toBe("SUCCEEDED");
    const after = await state();
    const was = [...after].filter(([arn]) => before.has(arn));
    const touched = was.filter(([arn, a]) => before.get(arn)!.x !== a.x).map(([arn]) => arn).sort();
    const newVersion = was.filter(([arn, a]) => before.get(arn)!.updated_at.getTime() !== a.updated_at.getTime()).map(([arn]) => arn);
    const goneNow = was.filter(([arn, a]) => a.status === "GONE" && before.get(arn)!.status !== "GONE").map(([arn]) => arn);
    expect(newVersion.length).toBeGreaterThan(0);
    expect(goneNow.length).toBeGreaterThan(0);
    expect(touched).toEqual([...new Set([...newVersion, ...goneNow])].sort());
    expect(touched.length).toBeLessThan(before.size / 4);
    const [gone] = await q("SELECT count(*)::int AS n FROM finding_events WHERE sync_run_id = $1 AND kind = 'GONE'", [r.runId]);
    expect(gone.n).toBe(goneNow.length);
    expect(await cacheStatusCounts(w)).toEqual(await emulatorStatusCounts(w));
  });
});
