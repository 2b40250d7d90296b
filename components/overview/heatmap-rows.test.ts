import { describe, expect, it } from "vitest";
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";
import { groupAccounts, sortAccounts } from "./heatmap-rows";

const row = (accountId: string, critical: number, high: number, low: number, ou: string | null): HeatmapRow => ({
  accountId, name: accountId, ou, owner: `owner-${ou}`, syncProblems: [],
  counts: { CRITICAL: critical, HIGH: high, MEDIUM: 0, LOW: low, INFORMATIONAL: 0, UNTRIAGED: 0 }, total: critical + high + low,
});
const rows = [row("a", 1, 5, 0, "Prod"), row("b", 3, 0, 0, "Dev"), row("c", 0, 1, 10, null), row("d", 1, 5, 1, "Prod")];

describe("heatmap rows", () => {
  it("sort by critical, high or total, with the other counts breaking ties", () => {
    expect(sortAccounts(rows, "critical").map((r) => r.accountId)).toEqual(["b", "d", "a", "c"]);
    expect(sortAccounts(rows, "high").map((r) => r.accountId)).toEqual(["d", "a", "c", "b"]);
    expect(sortAccounts(rows, "total").map((r) => r.accountId)).toEqual(["c", "d", "a", "b"]);
  });

  it("group by OU with summed counts, accounts without an OU under (none)", () => {
    const groups = groupAccounts(rows, "ou", "critical");
    expect(groups.map((g) => [g.key, g.counts.CRITICAL, g.total, g.accounts.map((a) => a.accountId)])).toEqual([
      ["Dev", 3, 3, ["b"]],
      ["Prod", 2, 13, ["d", "a"]],
      ["(none)", 0, 11, ["c"]],
    ]);
  });
});
