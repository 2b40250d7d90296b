import { describe, expect, it } from "vitest";
import { addAccount, addFinding, addRow, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { allScope } from "@/lib/queries/scope";
import { parseFindingsFilter } from "./findings-filter";
import { explorerResult } from "./explorer-reads";

const database = setupQueryTestDatabase();
const A = "111111111111", B = "222222222222";
const filter = (qs: string) => parseFindingsFilter(new URLSearchParams(qs)).filter;
const total = async (qs: string, scope = allScope) => (await explorerResult(scope, filter(qs))).total;

describe("the explorer's memoised answer", () => {
  it("is one computation for viewers asking at once, per scope and filter, until a sync changes the data", async () => {
    const d = database();
    await addAccount(d, A);
    await addAccount(d, B);
    await addFinding(d, { account_id: A, severity: "HIGH", vulnerability_id: "CVE-2024-1" });
    await addFinding(d, { account_id: B, severity: "HIGH", vulnerability_id: "CVE-2024-1" });
    await addRow(d, "sync_runs", { trigger: "manual" });

    const asked = await Promise.all([1, 2, 3].map(() => explorerResult(allScope, filter("group=cve"))));
    expect(asked[1]).toBe(asked[0]);
    expect(asked[2]).toBe(asked[0]);
    expect(asked[0]).toMatchObject({ kind: "groups", total: 2 });
    // Another scope or filter is its own question.
    expect(await total("", { accountIds: [B] })).toBe(1);
    expect(await total("account=" + A)).toBe(1);

    // Only a sync writes findings: a row written behind its back is not seen until the next run.
    await addFinding(d, { account_id: A, severity: "HIGH", vulnerability_id: "CVE-2024-2" });
    expect(await total("account=" + A)).toBe(1);
    await addRow(d, "sync_runs", { trigger: "schedule" });
    expect(await total("account=" + A)).toBe(2);
    expect((await explorerResult(allScope, filter("group=cve"))).total).toBe(3);
  });
});
