import { describe, expect, it } from "vitest";
import { formatMttr, meanTimeToRemediate } from "./mttr";

describe("mean time to remediate", () => {
  it("is null, not zero, with no closed findings", () => {
    expect(meanTimeToRemediate([])).toBeNull();
    expect(meanTimeToRemediate([{ firstObservedAt: new Date("2026-11-01T00:00:00Z"), closedAt: null }])).toBeNull();
    expect(formatMttr(null)).toBe("—");
  });

  it("averages days from first observation to close", () => {
    const rows = [
      { firstObservedAt: new Date("2026-11-01T00:00:00Z"), closedAt: new Date("2026-11-03T00:00:00Z") },
      { firstObservedAt: new Date("2026-11-01T00:00:00Z"), closedAt: new Date("2026-11-05T12:00:00Z") },
      { firstObservedAt: new Date("2026-11-01T00:00:00Z"), closedAt: null },
    ];
    expect(meanTimeToRemediate(rows)).toBeCloseTo(3.25, 10);
    expect(formatMttr(3.25)).toBe("3.3 d");
  });

  it("uses the final close of a finding closed, reopened and closed again", () => {
    // The sync clears closedAt on reopen and sets it again on the final close (Nov 21).
    const reopened = { firstObservedAt: new Date("2026-11-01T23:30:00Z"), closedAt: new Date("2026-11-21T23:30:00Z") };
    expect(meanTimeToRemediate([reopened])).toBe(20);
  });

  it("leaves out closures whose resource went away or stopped being scanned", () => {
    const fixed = { firstObservedAt: new Date("2026-11-01T00:00:00Z"), closedAt: new Date("2026-11-03T00:00:00Z"), remediated: true };
    const removed = { firstObservedAt: new Date("2026-11-01T00:00:00Z"), closedAt: new Date("2026-11-02T00:00:00Z"), remediated: false };
    expect(meanTimeToRemediate([fixed, removed])).toBe(2);
    expect(meanTimeToRemediate([removed])).toBeNull();
  });
});
