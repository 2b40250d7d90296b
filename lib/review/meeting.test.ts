import { describe, expect, it } from "vitest";
import { MeetingDateError, meetingAsOf, sinceWindow } from "./meeting";

const now = new Date("2026-11-26T13:40:00Z");

describe("meeting dates", () => {
  it("is live today and the end of the UTC day for a past meeting", () => {
    expect(meetingAsOf("2026-11-26", now)).toBe(now);
    expect(meetingAsOf("2026-11-19", now).toISOString()).toBe("2026-11-19T23:59:59.999Z");
  });
  it("refuses a future meeting date", () => {
    expect(() => meetingAsOf("2026-11-27", now)).toThrow(MeetingDateError);
  });
  it("starts 'since the last review' at the previous review, or a week back", () => {
    const prev = new Date("2026-11-19T14:05:00Z");
    expect(sinceWindow(now, prev).from).toBe(prev);
    expect(sinceWindow(now, null).from.toISOString()).toBe("2026-11-19T13:40:00.000Z");
    expect(sinceWindow(now, new Date("2026-12-01T00:00:00Z")).from.toISOString()).toBe("2026-11-19T13:40:00.000Z");
  });
});

describe("freezeRefusal", () => {
  it("allows today and a meeting within the grace, refuses older and future ones", async () => {
    const { freezeRefusal } = await import("./meeting");
    expect(freezeRefusal("2026-11-26", now, 12)).toBeNull();
    expect(freezeRefusal("2026-11-25", new Date("2026-11-26T11:00:00Z"), 12)).toBeNull();
    expect(freezeRefusal("2026-11-25", new Date("2026-11-26T12:30:00Z"), 12)).toMatch(/can no longer be frozen.*less than 12 h ago/);
    expect(freezeRefusal("2026-11-19", now, 72)).toMatch(/^the review of 2026-11-19 can no longer be frozen/);
    expect(freezeRefusal("2026-11-27", now, 12)).toMatch(/in the future/);
  });
});
