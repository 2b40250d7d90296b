import { describe, expect, it } from "vitest";
import { effectiveDueAt } from "./sla-kev";

const policy = { CRITICAL: 15, HIGH: 30, MEDIUM: 90, LOW: 180, INFORMATIONAL: null, UNTRIAGED: null };
const first = new Date("2026-11-01T00:00:00Z");

describe("effectiveDueAt", () => {
  it("takes KEV's due date when it is earlier and the switch is on", () => {
    const kevDateDue = new Date("2026-11-05T00:00:00Z");
    expect(effectiveDueAt({ firstObservedAt: first, severity: "HIGH", kevDateDue }, policy, true)).toEqual({ dueAt: kevDateDue, source: "kev" });
    expect(effectiveDueAt({ firstObservedAt: first, severity: "HIGH", kevDateDue }, policy, false)).toEqual({ dueAt: new Date("2026-12-01T00:00:00Z"), source: "severity" });
  });

  it("keeps the severity SLA when KEV's due date is later or unknown, and KEV alone for a severity without SLA", () => {
    expect(effectiveDueAt({ firstObservedAt: first, severity: "CRITICAL", kevDateDue: new Date("2027-01-01T00:00:00Z") }, policy, true).source).toBe("severity");
    expect(effectiveDueAt({ firstObservedAt: first, severity: "CRITICAL", kevDateDue: null }, policy, true).source).toBe("severity");
    expect(effectiveDueAt({ firstObservedAt: first, severity: "UNTRIAGED", kevDateDue: null }, policy, true)).toEqual({ dueAt: null, source: null });
    expect(effectiveDueAt({ firstObservedAt: first, severity: "UNTRIAGED", kevDateDue: first }, policy, true).source).toBe("kev");
  });
});
