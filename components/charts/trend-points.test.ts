import { describe, expect, it } from "vitest";
import { toTrendPoints } from "./trend-points";

describe("toTrendPoints", () => {
  it("makes one point per day with zero for missing severities, worst severity first", () => {
    const { points, severities } = toTrendPoints([
      { day: "2026-01-02", severity: "HIGH", open: 4 },
      { day: "2026-01-01", severity: "CRITICAL", open: 1 },
      { day: "2026-01-01", severity: "HIGH", open: 3 },
    ]);
    expect(severities).toEqual(["CRITICAL", "HIGH"]);
    expect(points).toEqual([{ day: "2026-01-01", CRITICAL: 1, HIGH: 3 }, { day: "2026-01-02", CRITICAL: 0, HIGH: 4 }]);
  });
});
