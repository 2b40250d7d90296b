import { describe, expect, it } from "vitest";
import { addAccount, addFinding, addRow, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { createVersionMemo, sharedInFlight, syncDataVersion } from "./sync-version";

const database = setupQueryTestDatabase();

describe("version memo", () => {
  it("recomputes before answering when the version changes, behind one more answer after the TTL, and after a failure", async () => {
    let version = "v1", clock = 0, calls = 0;
    const memo = createVersionMemo(async () => version, 1000, 2, () => clock);
    const compute = async () => ++calls;
    expect(await memo.get("k", compute)).toBe(1);
    expect(await memo.get("k", compute)).toBe(1);
    version = "v2";
    expect(await memo.get("k", compute)).toBe(2);
    clock = 1500;
    // Past the TTL, same version: the old answer once more, one refresh behind it.
    expect(await memo.get("k", compute)).toBe(2);
    expect(await memo.get("k", compute)).toBe(3);
    expect(calls).toBe(3);
    clock = 2000;
    expect(await memo.get("k", compute)).toBe(3); // within the refreshed entry's TTL
    // A refresh that fails keeps the old answer and is tried again on the next ask.
    clock = 3000;
    let fail = true;
    const flaky = async () => (fail ? Promise.reject(new Error("refresh failed")) : ++calls);
    expect(await memo.get("k", flaky)).toBe(3);
    await new Promise((r) => setTimeout(r, 0));
    fail = false;
    expect(await memo.get("k", flaky)).toBe(3);
    expect(await memo.get("k", flaky)).toBe(4);
    // A new version never answers the old value, TTL or not.
    version = "v3";
    expect(await memo.get("k", compute)).toBe(5);
    await expect(memo.get("bad", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await memo.get("bad", compute)).toBe(6);
    // Bounded: the oldest key is dropped.
    await memo.get("other", compute);
    expect(await memo.get("k", compute)).toBe(8);
  });

  it("recomputes past the TTL with the refresh given, if any", async () => {
    let clock = 0;
    const memo = createVersionMemo(async () => "v1", 1000, 4, () => clock);
    const asked: string[] = [];
    const compute = async () => (asked.push("compute"), asked.length);
    const refresh = async () => (asked.push("refresh"), asked.length);
    expect(await memo.get("k", compute, refresh)).toBe(1);
    clock = 1500;
    expect(await memo.get("k", compute, refresh)).toBe(1);
    expect(await memo.get("k", compute, refresh)).toBe(2);
    expect(asked).toEqual(["compute", "refresh"]);
  });

  it("gives compute the version it read, read through the caller's reader when one is given", async () => {
    let memoReads = 0, callerReads = 0;
    const memo = createVersionMemo(async () => (memoReads++, "memo's"), 1000, 4, () => 0);
    const seen: string[] = [];
    const compute = async (v: string) => (seen.push(v), seen.length);
    expect(await memo.get("k", compute)).toBe(1);
    // The caller's reader replaces the memo's: a different version is a new answer.
    expect(await memo.get("k", compute, undefined, async () => (callerReads++, "caller's"))).toBe(2);
    expect(seen).toEqual(["memo's", "caller's"]);
    expect([memoReads, callerReads]).toEqual([1, 1]);
  });

  it("shares one in-flight version read between callers that arrive while it runs, not later ones", async () => {
    let reads = 0;
    let release!: () => void;
    const read = sharedInFlight(() => new Promise<number>((r) => (release = () => r(++reads))));
    const together = [read(), read(), read()];
    release();
    expect(await Promise.all(together)).toEqual([1, 1, 1]);
    const later = read();
    release();
    expect(await later).toBe(2);
  });

  it("reads a new version when a sync run starts, heartbeats or finishes", async () => {
    expect(await syncDataVersion()).toMatch(/^none\//);
    const { rows } = await database().pool.query("INSERT INTO sync_runs (trigger) VALUES ('manual') RETURNING id");
    const started = await syncDataVersion();
    await database().pool.query(`UPDATE sync_runs SET progress = '{"heartbeatAt":"2026-01-01T00:00:01Z"}' WHERE id = $1`, [rows[0].id]);
    const beat = await syncDataVersion();
    await database().pool.query("UPDATE sync_runs SET finished_at = now(), outcome = 'SUCCEEDED' WHERE id = $1", [rows[0].id]);
    const finished = await syncDataVersion();
    await addRow(database(), "sync_runs", { trigger: "schedule" });
    const next = await syncDataVersion();
    expect(new Set([started, beat, finished, next]).size).toBe(4);
  });

  it("reads a new version when findings, accounts or account regions are written outside any run, and not on a read", async () => {
    const d = database();
    await addRow(d, "sync_runs", { trigger: "schedule", outcome: "SUCCEEDED", finished_at: new Date() });
    const v0 = await syncDataVersion();
    await d.pool.query("SELECT count(*) FROM findings");
    expect(await syncDataVersion()).toBe(v0);
    await addAccount(d, "111111111111");
    const v1 = await syncDataVersion();
    const arn = await addFinding(d, { account_id: "111111111111" });
    const v2 = await syncDataVersion();
    await d.pool.query("UPDATE findings SET status = 'CLOSED' WHERE arn = $1", [arn]);
    const v3 = await syncDataVersion();
    await d.pool.query("UPDATE accounts SET name = 'renamed by hand'");
    const v4 = await syncDataVersion();
    await d.pool.query("INSERT INTO account_regions (account_id, region) VALUES ('111111111111', 'eu-west-1')");
    const v4b = await syncDataVersion();
    await d.pool.query("TRUNCATE findings CASCADE");
    const v5 = await syncDataVersion();
    expect(new Set([v0, v1, v2, v3, v4, v4b, v5]).size).toBe(7);
    // An UPDATE that matched no row is still a write statement: a new version, never a stale one.
    await d.pool.query("UPDATE findings SET status = 'CLOSED' WHERE false");
    expect(await syncDataVersion()).not.toBe(v5);
  });
});
