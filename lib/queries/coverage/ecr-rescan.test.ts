import { describe, expect, it } from "vitest";
import { durationLabel, pullModeLabel } from "./ecr-rescan";

describe("ECR re-scan labels", () => {
  it("spells Inspector's enums; unknown stays a dash, a new value shows as itself", () => {
    expect(durationLabel("DAYS_90")).toBe("90 days");
    expect(durationLabel("LIFETIME")).toBe("for the image's lifetime");
    expect(durationLabel(null)).toBe("—");
    expect(durationLabel("WEEKS_2")).toBe("WEEKS_2");
    expect(pullModeLabel("LAST_IN_USE_AT")).toBe("last in use");
    expect(pullModeLabel("LAST_PULL_DATE")).toBe("last pull");
  });
});
