import { describe, expect, it } from "vitest";
import { addDaysToDay, dayEnd, dayStart, isDay, toDay } from "./day";

describe("UTC days", () => {
  it("accepts only real calendar days", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-2-1")).toBe(false);
    // Years PostgreSQL can hold a meeting in: not 0000, which JavaScript reads as 1 BC.
    expect(["0000-01-01", "1969-12-31", "1970-01-01", "9999-12-31"].map(isDay)).toEqual([false, false, true, true]);
    expect(() => dayStart("nope")).toThrow(RangeError);
  });

  it("spans exactly 24 hours even across a daylight-saving change", () => {
    // 2026-03-29 is the EU spring-forward day; UTC days never have 23 hours.
    expect(dayEnd("2026-03-29").getTime() - dayStart("2026-03-29").getTime()).toBe(86_400_000 - 1);
    expect(addDaysToDay("2026-03-28", 2)).toBe("2026-03-30");
  });

  it("names the UTC day, not the local one, for an instant late in the evening", () => {
    expect(toDay(new Date("2026-11-26T23:30:00-05:00"))).toBe("2026-11-27");
  });
});

describe("independence from the process time zone", () => {
  it("gives the same UTC days and week starts in Auckland as in UTC", async () => {
    const previous = process.env.TZ;
    process.env.TZ = "Pacific/Auckland";
    try {
      const { weekStart } = await import("./week");
      const late = new Date("2026-11-29T23:30:00Z"); // already Monday in Auckland
      expect(new Date(late).getDate()).toBe(30); // the local calendar really is different here
      expect(toDay(late)).toBe("2026-11-29");
      expect(weekStart(late)).toBe("2026-11-23");
    } finally {
      process.env.TZ = previous;
    }
  });
});
