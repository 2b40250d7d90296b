import { describe, expect, it } from "vitest";
import { formatDateTime, formatShortDateTime } from "./format";

describe("date formats", () => {
  it("writes UTC in full, or month-day and time for narrow columns; — when there is none", () => {
    const at = new Date("2026-12-05T23:39:58.123Z");
    expect(formatDateTime(at)).toBe("2026-12-05 23:39 UTC");
    expect(formatShortDateTime(at)).toBe("12-05 23:39");
    expect(formatShortDateTime("2027-01-01T00:00:00Z")).toBe("01-01 00:00");
    expect(formatShortDateTime(null)).toBe("—");
  });
});
