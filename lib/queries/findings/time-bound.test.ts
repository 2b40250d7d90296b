import { describe, expect, it } from "vitest";
import { emptyRange, instantLabel, lowerEdge, timeBoundSchema, upperEdge } from "./time-bound";

describe("explorer date bounds", () => {
  it("takes a day or an instant with its offset, and names what it expected otherwise", () => {
    for (const ok of ["2026-11-19", "2026-11-19T14:00:00.000Z", "2026-11-19T14:00Z", "2026-11-19T16:00:00+02:00"]) expect(timeBoundSchema.safeParse(ok).success).toBe(true);
    for (const bad of ["2026-11-19T14:00:00", "yesterday", "2026-11-19 14:00", "2026-11-19T14:00:00.000000Z"]) {
      expect(timeBoundSchema.safeParse(bad).error?.issues[0].message).toMatch(/YYYY-MM-DD or an instant/);
    }
    for (const bad of ["2026-02-30", "2026-02-30T10:00:00Z", "0000-01-01", "0000-01-01T00:00:00Z", "1969-12-31", "2026-13-01T00:00+02:00"]) {
      expect(timeBoundSchema.safeParse(bad).error?.issues[0].message, bad).toBe("not a calendar date from 1970 to 9999");
    }
    for (const ok of ["1970-01-01", "9999-12-31", "1970-01-01T00:30:00+01:00"]) expect(timeBoundSchema.safeParse(ok).success, ok).toBe(true);
  });

  it("keeps whole UTC days for days, and the review's window (from, to] for instants", () => {
    expect(lowerEdge("2026-11-19")).toEqual({ at: new Date("2026-11-19T00:00:00Z"), inclusive: true });
    expect(upperEdge("2026-11-19")).toEqual({ at: new Date("2026-11-20T00:00:00Z"), inclusive: false });
    expect(lowerEdge("2026-11-19T16:00:00+02:00")).toEqual({ at: new Date("2026-11-19T14:00:00Z"), inclusive: false });
    expect(upperEdge("2026-11-26T14:00:00Z")).toEqual({ at: new Date("2026-11-26T14:00:00Z"), inclusive: true });
  });

  it("knows a range with no time in it", () => {
    expect(emptyRange("2026-11-19", "2026-11-19")).toBe(false);
    expect(emptyRange("2026-11-20", "2026-11-19")).toBe(true);
    expect(emptyRange("2026-11-19T14:00:00Z", "2026-11-19T14:00:00Z")).toBe(true);
    expect(emptyRange("2026-11-19T14:00:00Z", "2026-11-19T14:00:00.001Z")).toBe(false);
    expect(emptyRange("2026-11-20T00:00:00Z", "2026-11-19")).toBe(true);
    expect(emptyRange("2026-11-19T23:59:59Z", "2026-11-19")).toBe(false);
  });

  it("reads an instant as a person would", () => {
    expect(instantLabel("2026-11-19T14:00:00.000Z")).toBe("19 Nov 2026 14:00 UTC");
    expect(instantLabel("2026-11-19T16:05:30+02:00")).toBe("19 Nov 2026 14:05:30 UTC");
  });
});
