// A run with heapGrowthPercent (INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT) fixes V8's heap growth while it
// lists and writes, and gives V8 its own choice back when it ends, whether it succeeded or failed.
// What the setting does to the heap is util/heap-growth.test.ts's; this is the run's wiring.
import v8 from "node:v8";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startSyncWorld, type SyncWorld } from "./test-support";

let w: SyncWorld | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await w?.close();
  w = undefined;
});

const growthFlags = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([f]) => String(f)).filter((f) => f.startsWith("--heap-growing-percent"));

describe("a sync run's heap growth", () => {
  it("is fixed from the run's start to its end when configured, and V8's own before and after", async () => {
    const spy = vi.spyOn(v8, "setFlagsFromString");
    w = await startSyncWorld({ findings: 300, regions: ["us-east-1"] }, { heapGrowthPercent: 50 });
    const during: string[][] = [];
    const r = await w.sync({ afterBatch: () => void during.push(growthFlags(spy)) });
    expect(r.outcome).toBe("SUCCEEDED");
    expect(during.length).toBeGreaterThan(0);
    for (const flags of during) expect(flags).toEqual(["--heap-growing-percent=50"]);
    expect(growthFlags(spy)).toEqual(["--heap-growing-percent=50", "--heap-growing-percent=0"]);

    // A run that fails (the role cannot be assumed) gives it back too.
    const failing = await w.sync({ config: { ...w.config, externalId: "not-the-external-id" } });
    expect(failing.outcome).toBe("FAILED");
    expect(growthFlags(spy)).toEqual(["--heap-growing-percent=50", "--heap-growing-percent=0", "--heap-growing-percent=50", "--heap-growing-percent=0"]);
  });

  it("is left to V8 when not configured", async () => {
    const spy = vi.spyOn(v8, "setFlagsFromString");
    w = await startSyncWorld({ findings: 100, regions: ["us-east-1"] });
    expect((await w.sync()).outcome).toBe("SUCCEEDED");
    expect(growthFlags(spy)).toEqual([]);
  });
});
