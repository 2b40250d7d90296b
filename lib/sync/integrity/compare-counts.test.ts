import { describe, expect, it } from "vitest";
import { compareCounts } from "./compare-counts";

const c = (critical: number, high: number, medium: number, all: number) => ({ critical, high, medium, all });

describe("compareCounts", () => {
  it("matches equal counts, flags any difference, and treats a missing side as zero", () => {
    const out = compareCounts(
      ["111111111111", "222222222222", "333333333333"],
      new Map([["111111111111", c(1, 2, 3, 10)], ["222222222222", c(0, 1, 0, 1)]]),
      new Map([["111111111111", c(1, 2, 3, 10)], ["222222222222", c(0, 1, 0, 2)], ["444444444444", c(0, 0, 1, 1)]]),
    );
    expect(out.get("111111111111")!.match).toBe(true);
    expect(out.get("222222222222")).toMatchObject({ match: false, residual: 1 });
    expect(out.get("333333333333")).toEqual({ match: true, cache: c(0, 0, 0, 0), api: c(0, 0, 0, 0), residual: 0 });
    expect(out.get("444444444444")).toMatchObject({ match: false, residual: 1 }); // Inspector knows an account the cache has no findings for
  });

  it("sees one finding closing while another of a different severity opens (equal totals)", () => {
    const out = compareCounts(["111111111111"], new Map([["111111111111", c(1, 0, 0, 5)]]), new Map([["111111111111", c(0, 1, 0, 5)]]));
    expect(out.get("111111111111")).toMatchObject({ match: false, residual: 2 });
  });
});
