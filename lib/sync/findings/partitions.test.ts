import { describe, expect, it } from "vitest";
import { partitionFilter, planPartitions } from "./partitions";

const ids = Array.from({ length: 23 }, (_, i) => String(100000000000 + i));

describe("planPartitions", () => {
  it("lists each account separately on a full sync, splitting large ones by severity", () => {
    const p = planPartitions({ accounts: ["222222222222", "111111111111"], large: new Set(["222222222222"]) });
    expect(p.map((x) => x.key)).toEqual([
      "111111111111",
      ...["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED"].map((s) => `222222222222/${s}`),
      "222222222222/other",
    ]);
    expect(partitionFilter(p[0])).toEqual({ awsAccountId: [{ comparison: "EQUALS", value: "111111111111" }] });
    expect(partitionFilter(p[1])).toEqual({
      awsAccountId: [{ comparison: "EQUALS", value: "222222222222" }], severity: [{ comparison: "EQUALS", value: "CRITICAL" }],
    });
    // The catch-all excludes every known severity, so the split covers all findings exactly once.
    const other = partitionFilter(p.at(-1)!);
    expect(other.severity).toHaveLength(6);
    expect(other.severity!.every((f) => f.comparison === "NOT_EQUALS")).toBe(true);
  });

  it("groups up to ten accounts per incremental partition, filtered by updatedAt", () => {
    const since = new Date("2026-01-01T00:00:00Z");
    const p = planPartitions({ accounts: ids, since });
    expect(p.map((x) => x.accounts.length)).toEqual([10, 10, 3]);
    expect(p.flatMap((x) => x.accounts).sort()).toEqual(ids);
    expect(partitionFilter(p[2])).toEqual({ awsAccountId: ids.slice(20).map((value) => ({ comparison: "EQUALS", value })), updatedAt: [{ startInclusive: since }] });
  });
});
