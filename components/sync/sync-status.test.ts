import { describe, expect, it } from "vitest";
import { toSyncStatus } from "./sync-status";

const progress = { runId: 3, phase: "findings", regions: [], findings: 10 };

describe("toSyncStatus", () => {
  it("accepts bare progress, wrapped progress and nothing", () => {
    expect(toSyncStatus(progress)).toEqual({ running: true, progress });
    expect(toSyncStatus({ running: false, progress: { ...progress, phase: "done" } })).toEqual({ running: false, progress: { ...progress, phase: "done" } });
    expect(toSyncStatus({ progress: { ...progress, phase: "failed" } }).running).toBe(false);
    expect(toSyncStatus(null)).toEqual({ running: false, progress: null });
    expect(toSyncStatus({ running: false })).toEqual({ running: false, progress: null });
  });
});
