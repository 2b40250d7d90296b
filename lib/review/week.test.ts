import { describe, expect, it } from "vitest";
import { bucketIndex, weekBuckets, weekStart } from "./week";

describe("week bucketing", () => {
  it("starts weeks on Monday 00:00 UTC", () => {
    expect(weekStart(new Date("2026-11-26T13:00:00Z"))).toBe("2026-11-23"); // a Thursday
    expect(weekStart(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23"); // Monday itself
    expect(weekStart(new Date("2026-11-29T23:59:59.999Z"))).toBe("2026-11-23"); // Sunday's last ms
    // 23:30 on Sunday in New York is already Monday in UTC.
    expect(weekStart(new Date("2026-11-29T23:30:00-05:00"))).toBe("2026-11-30");
  });

  it("returns the requested number of weeks ending with the meeting's, oldest first", () => {
    const b = weekBuckets(new Date("2026-11-26T13:00:00Z"), 12);
    expect(b).toHaveLength(12);
    expect(b[11].start).toBe("2026-11-23");
    expect(b[11].end).toBe("2026-11-29");
    expect(b[0].start).toBe("2026-09-07");
    expect(b[10].endExclusive.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("places instants in their bucket and rejects those outside", () => {
    const b = weekBuckets(new Date("2026-11-26T13:00:00Z"), 2);
    expect(bucketIndex(b, new Date("2026-11-22T23:59:59.999Z"))).toBe(0);
    expect(bucketIndex(b, new Date("2026-11-23T00:00:00Z"))).toBe(1);
    expect(bucketIndex(b, new Date("2026-11-30T00:00:00Z"))).toBe(-1);
    expect(bucketIndex(b, new Date("2026-11-15T00:00:00Z"))).toBe(-1);
  });
});
