import { describe, expect, it } from "vitest";
import { cellVerdict } from "./coverage-matrix-table";

const cell = (c: Partial<Parameters<typeof cellVerdict>[0]>) => ({ regions: 3, enabledRegions: 3, otherStatuses: [], active: 10, inactive: 0, ...c });

describe("coverage cell verdict", () => {
  it("says off (with the statuses) when no region has the scan type on", () => {
    expect(cellVerdict(cell({ enabledRegions: 0, otherStatuses: ["DISABLED", "SUSPENDED"] })).text).toBe("disabled/suspended");
  });
  it("flags low scanned shares before partial regions, and partial regions before fine", () => {
    expect(cellVerdict(cell({ active: 7, inactive: 3, enabledRegions: 2 })).text).toBe("70% scanned");
    expect(cellVerdict(cell({ active: 9, inactive: 1, enabledRegions: 2 })).text).toBe("2/3 regions");
    expect(cellVerdict(cell({ active: 9, inactive: 1 })).text).toBe("90% scanned");
    expect(cellVerdict(cell({ active: 0, inactive: 0 })).text).toBe("on, nothing yet");
    expect(cellVerdict(cell({ regions: 0, enabledRegions: 0 })).text).toBe("unknown");
  });
});
