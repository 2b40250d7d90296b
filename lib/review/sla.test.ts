import { describe, expect, it } from "vitest";
import { daysOverdue, slaDueAt, slaDueDay, slaState, type SlaPolicy } from "./sla";

const policy: SlaPolicy = { CRITICAL: 15, HIGH: 30, MEDIUM: 90, LOW: 180, INFORMATIONAL: null, UNTRIAGED: null };

describe("SLA due dates", () => {
  it("counts from first observation, to the millisecond, in UTC", () => {
    const first = new Date("2026-11-01T23:30:00Z");
    expect(slaDueAt(first, "CRITICAL", policy)?.toISOString()).toBe("2026-11-16T23:30:00.000Z");
    expect(slaDueDay(first, "CRITICAL", policy)).toBe("2026-11-16");
  });

  it("is not moved by daylight saving: 15 days across the US change are exactly 360 hours", () => {
    // US clocks fall back on 2026-11-01; the due instant stays 15 × 24 h later.
    const first = new Date("2026-10-25T23:30:00Z");
    const due = slaDueAt(first, "CRITICAL", policy)!;
    expect(due.getTime() - first.getTime()).toBe(15 * 24 * 3_600_000);
    expect(due.toISOString()).toBe("2026-11-09T23:30:00.000Z");
  });

  it("puts a finding seen at 23:30 UTC on the next UTC day when it was reported in a later zone", () => {
    // 23:30 UTC is already the next day in Sydney; the due day is still the UTC one.
    const first = new Date("2026-03-31T10:30:00+11:00"); // = 2026-03-30T23:30Z
    expect(slaDueDay(first, "HIGH", policy)).toBe("2026-04-29");
  });

  it("has no due date for severities without a policy", () => {
    expect(slaDueAt(new Date(), "INFORMATIONAL", policy)).toBeNull();
    expect(slaState({ firstObservedAt: new Date(), severity: "UNTRIAGED" }, new Date(), policy)).toBe("no-sla");
  });
});

describe("SLA state", () => {
  const first = new Date("2026-11-01T23:30:00Z"); // critical due 2026-11-16T23:30Z
  const at = (iso: string) => slaState({ firstObservedAt: first, severity: "CRITICAL" }, new Date(iso), policy);

  it("is breached only after the due instant", () => {
    expect(at("2026-11-16T23:30:00.000Z")).toBe("due-soon");
    expect(at("2026-11-16T23:30:00.001Z")).toBe("breached");
  });

  it("is due soon within the next week and within SLA before that", () => {
    expect(at("2026-11-09T23:30:00.001Z")).toBe("due-soon");
    expect(at("2026-11-09T23:30:00.000Z")).toBe("within");
  });

  it("keeps the first-observation clock for a closed and reopened finding", () => {
    // Reopened on Nov 20: the clock is not reset, so it is already breached.
    expect(slaState({ firstObservedAt: first, severity: "CRITICAL" }, new Date("2026-11-20T12:00:00Z"), policy)).toBe("breached");
  });

  it("counts whole days overdue", () => {
    expect(daysOverdue(first, "CRITICAL", policy, new Date("2026-11-19T23:29:00Z"))).toBe(2);
    expect(daysOverdue(first, "CRITICAL", policy, new Date("2026-11-10T00:00:00Z"))).toBe(0);
  });
});
