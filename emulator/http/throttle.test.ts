import { describe, expect, it } from "vitest";
import { Throttle } from "./throttle";

describe("Throttle", () => {
  it("allows a burst equal to the rate, then refills over time", () => {
    const t = new Throttle({ ListFindings: 2 });
    expect(t.take("ListFindings", "us-east-1", 0)).toBe(0);
    expect(t.take("ListFindings", "us-east-1", 0)).toBe(0);
    expect(t.take("ListFindings", "us-east-1", 0)).toBeGreaterThanOrEqual(1);
    expect(t.take("ListFindings", "eu-west-1", 0)).toBe(0); // separate bucket per region
    expect(t.take("ListFindings", "us-east-1", 600)).toBe(0);
  });
  it("is unlimited for operations without a rate", () => {
    const t = new Throttle({});
    for (let i = 0; i < 100; i++) expect(t.take("ListCoverage", "us-east-1", 0)).toBe(0);
  });
});
