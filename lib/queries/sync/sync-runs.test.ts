// The integrity residual the sync stores per account-region reaches the sync page and the account page.
import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addAccountRegion, addRow, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getAccount } from "@/lib/queries/accounts/account-detail";
import { getSyncRun } from "./sync-runs";

const A = "111111111111", B = "222222222222";
const database = setupQueryTestDatabase();

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  await addAccount(d, B);
  await addAccountRegion(d, A, "us-east-1");
  await addRow(d, "sync_runs", { id: 1, trigger: "cli", outcome: "SUCCEEDED", finished_at: new Date() });
  const result = (account_id: string, extra: Record<string, unknown>) => addRow(d, "sync_account_results", { run_id: 1, account_id, region: "us-east-1", status: "OK", ...extra });
  await result(A, { integrity_match: false, integrity_residual: 3, integrity_repaired: true, cache_counts: { all: 10 }, api_counts: { all: 13 } });
  await result(B, { integrity_match: true, integrity_residual: 0, integrity_repaired: true });
});

describe("integrity residual", () => {
  it("is listed per account on the run, with the run's total", async () => {
    const run = (await getSyncRun(allScope, 1))!;
    expect(run.problemAccounts.map((a) => [a.account_id, a.integrity_residual, a.integrity_repaired])).toEqual([[A, 3, true], [B, 0, true]]);
    expect(run.accountTotals).toMatchObject({ mismatched: 1, residual: 3, repaired: 2 });
    expect((await getSyncRun({ accountIds: [B] }, 1))!.accountTotals).toMatchObject({ mismatched: 0, residual: 0 });
  });

  it("shows on the account page's regions", async () => {
    const detail = (await getAccount(allScope, A))!;
    expect(detail.regions[0]).toMatchObject({ integrity_match: false, integrity_residual: 3, integrity_repaired: true });
  });
});
