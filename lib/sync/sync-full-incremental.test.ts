import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheStatusCounts, emulatorStatusCounts, startSyncWorld, type SyncWorld } from "./test-support";

describe("sync against the emulator: full then incremental", () => {
  let w: SyncWorld;
  beforeAll(async () => {
    w = await startSyncWorld();
  });
  afterAll(async () => w?.close());

  it("first run lists everything (all statuses) and the cache equals Inspector", async () => {
    const r = await w.sync();
    expect(r.error).toBeNull();
    expect(r.outcome).toBe("SUCCEEDED");
    expect(r.regions.every((o) => o.findings?.mode === "FULL")).toBe(true);
    const expected = await emulatorStatusCounts(w);
    expect(Object.keys(expected).some((k) => k.endsWith("/CLOSED"))).toBe(true);
    expect(await cacheStatusCounts(w)).toEqual(expected);
  });
});
