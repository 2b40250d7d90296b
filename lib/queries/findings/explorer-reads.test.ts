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
  it("is one computation for viewers asking at once, per scope and filter, until the data changes", async () => {
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

    // A read changes nothing: asked again, the same answer object.
    expect(await explorerResult(allScope, filter("group=cve"))).toBe(asked[0]);
    // Any write to findings is a new data version, in a run or not (an operator's fix by hand).
    await addFinding(d, { account_id: A, severity: "HIGH", vulnerability_id: "CVE-2024-2" });
    expect(await total("account=" + A)).toBe(2);
    expect((await explorerResult(allScope, filter("group=cve"))).total).toBe(3);
    await addRow(d, "sync_runs", { trigger: "schedule" });
    await d.pool.query("UPDATE findings SET status = 'CLOSED' WHERE finding_key = 'CVE-2024-2'");
    expect(await total("account=" + A)).toBe(1);
  });
});
