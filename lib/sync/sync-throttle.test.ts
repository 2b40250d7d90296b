import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheStatusCounts, emulatorStatusCounts, startSyncWorld, type SyncWorld } from "./test-support";

describe("a throttled API", () => {
  let w: SyncWorld;
  beforeAll(async () => {
    // 4 ListFindings and 2 ListCoverage per second per region (burst the same): low enough that even a
    // loaded CI machine, issuing its parallel partitions, meets the limit.
    w = await startSyncWorld({ findings: 4000, throttle: { ListFindings: 4, ListCoverage: 2 } }, { maxAttempts: 8 });
  });
  afterAll(async () => w?.close());

  it("completes with every finding, pacing itself instead of storming", async () => {
    const r = await w.sync();
    expect(r.error).toBeNull();
    expect(r.outcome).toBe("SUCCEEDED");
    // The emulator's counters before the test's own (unpaced, also throttled) listing below.
    const stats = w.emu.stats();
    const pacedCalls = stats.requests.ListFindings + stats.requests.ListCoverage; // the throttled operations, retries included
    expect(await cacheStatusCounts(w)).toEqual(await emulatorStatusCounts(w));
    expect(stats.throttled).toBeGreaterThan(0); // the limit was really hit
    // Most requests went through: the limiter starts at 20/s on every partition, so the first
    // second of each region is throttled; after that it holds under the limit.
    expect(stats.throttled).toBeLessThan(pacedCalls * 0.5);
    expect(r.progress.throttled).toBe(stats.throttled);
  });
});
