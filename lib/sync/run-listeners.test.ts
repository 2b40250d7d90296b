import { describe, expect, it } from "vitest";
import { announceRunFinished, onRunFinished } from "./run-listeners";
import type { SyncResult } from "./run-sync";

describe("run-finished listeners", () => {
  it("hears every finished run; a failing listener harms neither the run nor the others", () => {
    const heard: number[] = [];
    const offBad = onRunFinished(() => {
      throw new Error("listener bug");
    });
    const off = onRunFinished((r) => heard.push(r.runId));
    expect(() => announceRunFinished({ runId: 7 } as SyncResult)).not.toThrow();
    off();
    offBad();
    announceRunFinished({ runId: 8 } as SyncResult);
    expect(heard).toEqual([7]);
  });
});
