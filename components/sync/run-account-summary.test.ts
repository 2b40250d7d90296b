import { describe, expect, it } from "vitest";
import { integrityClause, noProblemsLine } from "./run-account-summary";

const totals = (total: number, checked: number, mismatched = 0) => ({ total, checked, mismatched });

describe("a run's account-region summary", () => {
  it("says a run that read nothing read nothing, and checked nothing, instead of 'all match'", () => {
    expect(noProblemsLine(totals(0, 0), true)).toBe("No account-region was read in this run.");
    expect(noProblemsLine(totals(0, 0), false)).toBe("No account-region has finished yet.");
    expect(integrityClause(totals(0, 0))).toBe("integrity not checked");
  });

  it("claims a match only for the counts that were compared", () => {
    expect(noProblemsLine(totals(8, 8), true)).toBe("Every account-region was read and its counts matched Inspector's.");
    expect(noProblemsLine(totals(1200, 1100), true)).toBe("Every account-region was read; the 1,100 whose counts were checked matched Inspector's.");
    expect(noProblemsLine(totals(8, 3), true)).toBe("Every account-region was read; the 3 whose counts were checked matched Inspector's.");
    expect(noProblemsLine(totals(8, 0), true)).toBe("Every account-region was read; their counts were not checked against Inspector's.");
    expect(integrityClause(totals(1200, 1100))).toBe("integrity checked on 1,100, all match");
  });

  it("leaves differing counts to the caller", () => {
    expect(integrityClause(totals(8, 8, 2))).toBeNull();
  });
});
