import { describe, expect, it } from "vitest";
import { rollUp } from "./severity-rollup";

describe("rollUp", () => {
  it("sums counts per key and severity, biggest bar first", () => {
    const bars = rollUp(
      [
        { region: "eu-west-1", severity: "HIGH", count: 2 },
        { region: "us-east-1", severity: "CRITICAL", count: 3 },
        { region: "us-east-1", severity: "LOW", count: 4 },
        { region: "eu-west-1", severity: "BOGUS", count: 1 },
      ],
      (r) => r.region,
    );
    expect(bars.map((b) => [b.key, b.total, b.counts.CRITICAL, b.counts.HIGH, b.counts.UNTRIAGED])).toEqual([
      ["us-east-1", 7, 3, 0, 0],
      ["eu-west-1", 3, 0, 2, 1],
    ]);
  });
});
