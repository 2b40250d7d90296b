// A digest's count in its link's terms: distinct subjects, and the alerts beside them only when more.
import { describe, expect, it } from "vitest";
import { alertsNote, countText, digestCount } from "./digest-count";

describe("digest counts", () => {
  it("counts distinct subjects and all alerts", () => {
    const fresh = [{ subject: "f1" }, { subject: "f1" }, { subject: "f2" }, { subject: "f3" }];
    expect(digestCount(fresh)).toEqual({ subjects: 3, alerts: 4 });
    expect(digestCount([])).toEqual({ subjects: 0, alerts: 0 });
  });

  it("says the alerts only when they differ from the subjects", () => {
    expect(countText({ subjects: 3, alerts: 4 }, "finding", "findings")).toBe("3 findings (4 alerts)");
    expect(countText({ subjects: 1, alerts: 2 }, "finding", "findings")).toBe("1 finding (2 alerts)");
    expect(countText({ subjects: 1, alerts: 1 }, "finding", "findings")).toBe("1 finding");
    expect(countText({ subjects: 12, alerts: 12 }, "place", "places")).toBe("12 places");
    expect(alertsNote({ subjects: 2, alerts: 2 })).toBeNull();
    expect(alertsNote({ subjects: 2, alerts: 3 })).toBe("3 alerts");
  });
});
