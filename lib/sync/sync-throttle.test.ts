import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheStatusCounts, emulatorStatusCounts, startSyncWorld, type SyncWorld } from "./test-support";

describe("a throttled API", () => {
  let w: SyncWorld;
  beforeAll(async () => {
    // 8 ListFindings and 4 ListCoverage per second per region, with the listing's parallel partitions.
    w = await startSyncWorld({ findings: 800, throttle: { ListFindings: 8, ListCoverage: 4 } }, { maxAttempts: 8 });
  });
  afterAll(async () => w?.close());

  it("completes with every finding, pacing itself instead of storming", async () => {
    const r = await w.sync();
    expect(r.error).toBeNull();
    expect(r.outcome).toBe("SUCCEEDED");
    expect(await cacheStatusCounts(w)).toEqual(await emulatorStatusCounts(w));
    const stats = w.emu.stats();
    const listCalls = stats.requests.ListFindings;
    expect(stats.throttled).toBeGreaterThan(0); // the limit was really hit
    expect(stats.throttled).toBeLessThan(listCalls * 0.35); // but most requests went through
    expect(r.progress.throttled).toBe(stats.throttled);
  });
});
