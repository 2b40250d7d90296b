import { afterEach, describe, expect, it } from "vitest";
import { startSyncWorld, type SyncWorld } from "./test-support";
import { asRecord, cacheCounts, inspectorListing, truthCounts } from "./model/world-truth";

// Real AWS's quirks, on in the emulator, through the real SDK: the cache still agrees with Inspector.
let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});
const q = async (sql: string, params: unknown[] = []) => (await w!.database.pool.query(sql, params)).rows;
/**
 * Per account, the cache's open/suppressed/closed against what Inspector lists now (GONE left
 * aside). `closed: false` after an incremental run, which cannot see retention deleting closed ones.
 */
async function expectListedEqual({ closed = true } = {}) {
  const listed = truthCounts(await inspectorListing(w!.emu, w!.config.regions), new Map());
  const cache = await cacheCounts(w!.database.pool);
  for (const c of [...cache.values(), ...listed.values()]) {
    c.gone = 0;
    if (!closed) c.closed = 0;
  }
  for (const [id, c] of listed) if (!c.open && !c.suppressed && !c.closed) listed.delete(id);
  for (const [id, c] of cache) if (!c.open && !c.suppressed && !c.closed) cache.delete(id);
  expect(asRecord(cache)).toEqual(asRecord(listed));
}
const members = async () =>
  (await q("SELECT f.account_id FROM findings f JOIN accounts a ON a.id = f.account_id WHERE f.status = 'ACTIVE' AND NOT a.is_delegated_admin GROUP BY 1 ORDER BY count(*) DESC")).map((r) => r.account_id as string);

describe("sync under real AWS's quirks", () => {
  it("a failed partition holds back only its own account: the others get gone detection and their watermark", async () => {
    w = await startSyncWorld({ findings: 700, closedRetentionDays: 3 }, { maxAttempts: 1 });
    await w.sync();
    const [bad] = await members();
    await w.emu.advance(5);
    w.emu.setOptions({ failingAccounts: [bad] });
    const before = await q("SELECT account_id, region, findings_since, last_full_listing_at FROM account_regions WHERE account_id = $1 ORDER BY region", [bad]);
    const r = await w.sync({ full: true });
    expect(r.outcome).toBe("PARTIAL");
    expect(await q("SELECT account_id, region, findings_since, last_full_listing_at FROM account_regions WHERE account_id = $1 ORDER BY region", [bad])).toEqual(before);
    const [others] = await q("SELECT count(*)::int AS n, count(*) FILTER (WHERE last_full_listing_at = $2)::int AS advanced FROM account_regions WHERE account_id <> $1 AND findings_since IS NOT NULL", [bad, w.emu.now()]);
    expect(others.advanced).toBe(others.n);
    const gone = await q("SELECT account_id = $1 AS bad, count(*)::int AS n FROM findings WHERE status = 'GONE' GROUP BY 1", [bad]);
    expect(gone.find((g) => !g.bad)?.n).toBeGreaterThan(0); // deleted after their retention, seen by the complete listings
    expect(gone.find((g) => g.bad)).toBeUndefined(); // nothing concluded from the failed one
    w.emu.setOptions({ failingAccounts: [] });
    expect((await w.sync({ full: true })).outcome).toBe("SUCCEEDED");
    await expectListedEqual();
  });

  it("clock skew and listing lag: watermarks in AWS's time with an overlap for the lag miss no change", async () => {
    // AWS's clock 30 minutes behind the app's; changes listable 5 minutes after their updatedAt.
    w = await startSyncWorld({ findings: 600, quirks: { clockSkewSeconds: -1800, listingLagSeconds: 300 } }, { overlapMs: 60_000, listingLagMs: 300_000 });
    const first = await w.sync();
    const [run] = await q("SELECT notes FROM sync_runs WHERE id = $1", [first.runId]);
    expect(run.notes).toContainEqual(expect.objectContaining({ kind: "clock", message: expect.stringMatching(/1800 s behind/) }));
    const [member] = await members();
    for (let k = 0; k < 4; k++) expect(w.emu.change("terminateResource", member, k)).toBe(true);
    const openBefore = (await q("SELECT count(*)::int AS n FROM findings WHERE status = 'ACTIVE' AND account_id = $1", [member]))[0].n;
    await w.emu.advance(60 / 86400); // a minute later the closures are not listable yet
    await w.sync();
    await expectListedEqual({ closed: false });
    expect((await q("SELECT count(*)::int AS n FROM findings WHERE status = 'ACTIVE' AND account_id = $1", [member]))[0].n).toBe(openBefore);
    await w.emu.advance(600 / 86400); // now they are, stamped before the last watermark
    const r = await w.sync();
    expect(r.regions.every((o) => o.findings?.mode === "INCREMENTAL")).toBe(true);
    await expectListedEqual({ closed: false });
    expect((await q("SELECT count(*)::int AS n FROM findings WHERE status = 'ACTIVE' AND account_id = $1", [member]))[0].n).toBeLessThan(openBefore);
    expect(await q("SELECT * FROM sync_account_results WHERE run_id = $1 AND integrity_repaired", [r.runId])).toEqual([]); // the listing found them, not the repair
  });

  it("a disabled account's findings stay while Inspector keeps them (24 h), then go GONE", async () => {
    w = await startSyncWorld({ findings: 600, quirks: { disabledRetention: true } });
    await w.sync();
    const [member] = await members();
    expect(w.emu.change("disableInspector", member)).toBe(true);
    await w.sync();
    await expectListedEqual();
    expect((await q("SELECT lifecycle FROM accounts WHERE id = $1", [member]))[0].lifecycle).toBe("LEFT_INSPECTOR");
    expect((await q("SELECT count(*)::int AS n FROM findings WHERE account_id = $1 AND status = 'ACTIVE'", [member]))[0].n).toBeGreaterThan(0);
    await w.emu.advance(1.1);
    await w.sync();
    await expectListedEqual();
    const rows = await q("SELECT DISTINCT status, gone_reason FROM findings WHERE account_id = $1", [member]);
    expect(rows).toEqual([{ status: "GONE", gone_reason: "ACCOUNT_LEFT_INSPECTOR" }]);
  });

  it("a terminated resource's findings close, are deleted after 3 days, and a full listing marks them GONE (retention)", async () => {
    w = await startSyncWorld({ findings: 600 });
    await w.sync();
    const [member] = await members();
    expect(w.emu.change("terminateResource", member, 0)).toBe(true);
    await w.sync();
    const closed = await q("SELECT arn FROM findings WHERE account_id = $1 AND status = 'CLOSED' AND closed_at = $2", [member, w.emu.now()]);
    expect(closed.length).toBeGreaterThan(0);
    await w.emu.advance(3.5);
    await w.sync({ full: true });
    await expectListedEqual();
    const rows = await q("SELECT DISTINCT status, gone_reason, gone_from_status FROM findings WHERE arn = ANY($1)", [closed.map((c) => c.arn)]);
    expect(rows).toEqual([{ status: "GONE", gone_reason: "RETENTION", gone_from_status: "CLOSED" }]);
  });

  it("pages that repeat a finding: a first load, written by plain inserts, still caches each finding once, as listed", async () => {
    w = await startSyncWorld({ findings: 900, quirks: { pageOverlap: true } });
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    const partitions = r.regions.flatMap((g) => g.findings?.partitions ?? []);
    const sum = (k: "findings" | "written" | "changed") => partitions.reduce((n, p) => n + p[k], 0);
    const listed = await inspectorListing(w.emu, w.config.regions);
    const [{ n: cached }] = await q("SELECT count(*)::int AS n FROM findings");
    expect(cached).toBe(listed.size);
    expect(sum("findings")).toBeGreaterThan(listed.size); // the pages did repeat findings
    // Each finding written once: a batch that repeated one from an earlier batch failed its insert
    // and was upserted, which wrote the repeat as unchanged (written, not changed).
    expect(sum("changed")).toBe(listed.size);
    expect(sum("written")).toBeGreaterThan(sum("changed"));
    // The run's note says how its batches went: most by the insert, the repeating ones upserted.
    const [run] = await q("SELECT notes FROM sync_runs WHERE id = $1", [r.runId]);
    const note = (run.notes as { kind: string; message: string }[]).find((n) => n.kind === "bulk-load")!.message;
    const [, inserted, upserted] = note.match(/(\d+) findings batches inserted and (\d+) upserted/)!.map(Number);
    expect(inserted).toBeGreaterThan(0);
    expect(upserted).toBeGreaterThan(0);
    await expectListedEqual();
    // The rollups the inserts' triggers kept agree with a recount, status by status.
    expect(await q("SELECT status, sum(findings)::int AS n FROM finding_rollups GROUP BY 1 HAVING sum(findings) > 0 ORDER BY 1"))
      .toEqual(await q("SELECT status, count(*)::int AS n FROM findings GROUP BY 1 ORDER BY 1"));
  });
});
