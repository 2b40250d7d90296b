import { describe, expect, it } from "vitest";
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";
import { groupAccounts, heatmapFirstPaint, sortAccounts } from "./heatmap-rows";

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

describe("the heatmap's first paint", () => {
  // 1,000 accounts in 40 OUs and 1,000 owners, counts spread so each sort has its own top rows.
  const many = Array.from({ length: 1000 }, (_, i) => ({
    ...row(`a${String(i).padStart(4, "0")}`, (i * 7) % 31, (i * 13) % 47, (i * 17) % 53, i % 41 === 0 ? null : `ou-${i % 40}`),
    owner: `owner-${i}`,
  }));

  it("carries at most the top rows of each sort, which are exactly the top rows of all of them", () => {
    const first = heatmapFirstPaint(many, 25, 100);
    expect(first.complete).toBe(false);
    expect(first.total).toBe(1000);
    expect(first.rows.length).toBeGreaterThanOrEqual(25);
    expect(first.rows.length).toBeLessThanOrEqual(75);
    for (const s of ["critical", "high", "total"] as const) {
      expect(sortAccounts(first.rows, s).slice(0, 25).map((r) => r.accountId)).toEqual(sortAccounts(many, s).slice(0, 25).map((r) => r.accountId));
    }
    // The page's payload does not grow with the organization: a tenth of the rows' size at 1,000 accounts.
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(many).length / 10);
  });

  it("group headers sum every account, not just the carried ones; too many groups are left to the fetch", () => {
    const first = heatmapFirstPaint(many, 25, 100);
    const full = groupAccounts(many, "ou", "critical");
    expect(first.groups.ou?.map((g) => [g.key, g.total, g.size, g.counts.CRITICAL])).toEqual(full.map((g) => [g.key, g.total, g.accounts.length, g.counts.CRITICAL]));
    expect(first.groups.owner).toBeNull(); // 1,000 owners > 100
  });

  it("a small organization's page carries every row: nothing to fetch", () => {
    const first = heatmapFirstPaint(rows, 25, 100);
    expect(first).toMatchObject({ complete: true, total: 4, rows });
    expect(heatmapFirstPaint([...rows, { ...rows[0], accountId: "sub-1", provider: "AZURE" }], 25, 100)).toMatchObject({ total: 5, otherCloudRows: 1 });
    expect(first.groups.owner?.map((g) => g.key)).toEqual(["owner-Dev", "owner-Prod", "owner-null"]);
  });
});
