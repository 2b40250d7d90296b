import { describe, expect, it } from "vitest";
import { addRow, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { createVersionMemo, syncDataVersion } from "./sync-version";

const database = setupQueryTestDatabase();

describe("version memo", () => {
  it("recomputes when the version changes, after the TTL, and after a failure", async () => {
    let version = "v1", clock = 0, calls = 0;
    const memo = createVersionMemo(async () => version, 1000, 2, () => clock);
    const compute = async () => ++calls;
    expect(await memo.get("k", compute)).toBe(1);
    expect(await memo.get("k", compute)).toBe(1);
    version = "v2";
    expect(await memo.get("k", compute)).toBe(2);
    clock = 1500;
    expect(await memo.get("k", compute)).toBe(3);
    await expect(memo.get("bad", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await memo.get("bad", compute)).toBe(4);
    // Bounded: the oldest key is dropped.
    await memo.get("other", compute);
    expect(await memo.get("k", compute)).toBe(6);
  });

  it("reads a new version when a sync run starts, heartbeats or finishes", async () => {
    expect(await syncDataVersion()).toBe("none");
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
});
