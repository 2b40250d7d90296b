import { describe, expect, it } from "vitest";
import type { CoverageMatrixRow } from "@/lib/queries/coverage/coverage-matrix";
import { sortAccountRows, type AccountListRow } from "./accounts-table";

const row = (accountId: string, critical: number, high: number, active: number, inactive: number): AccountListRow => ({
  accountId, name: accountId, ou: null, owner: null, syncProblems: [], total: critical + high,
  counts: { CRITICAL: critical, HIGH: high, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNTRIAGED: 0 },
  coverage: { accountId, name: accountId, ou: null, owner: null, active, inactive, cells: {} as CoverageMatrixRow["cells"] },
});

describe("sortAccountRows", () => {
  const rows = [row("a", 1, 9, 10, 0), row("b", 5, 0, 5, 5), row("c", 0, 3, 1, 9)];
  it("sorts by critical, high, total, worst coverage first, or name", () => {
    expect(sortAccountRows(rows, "critical").map((r) => r.accountId)).toEqual(["b", "a", "c"]);
    expect(sortAccountRows(rows, "high").map((r) => r.accountId)).toEqual(["a", "c", "b"]);
    expect(sortAccountRows(rows, "total").map((r) => r.accountId)).toEqual(["a", "b", "c"]);
    expect(sortAccountRows(rows, "coverage").map((r) => r.accountId)).toEqual(["c", "b", "a"]);
    expect(sortAccountRows(rows, "name").map((r) => r.accountId)).toEqual(["a", "b", "c"]);
  });
});
