// An account that left Inspector is shown so (with since when) on the accounts, account, coverage
// and overview reads, and leaves the overview's enablement counts.
import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addAccountRegion, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getCoverageMatrix } from "@/lib/queries/coverage/coverage-matrix";
import { getDisabledAccounts } from "@/lib/queries/coverage/coverage-gaps";
import { getEnablementSummary } from "@/lib/queries/posture/overview-tiles";
import { getSeverityHeatmap } from "@/lib/queries/posture/severity-heatmap";
import { getAccount } from "./account-detail";

const A = "111111111111", B = "222222222222";
const since = new Date("2026-11-20T08:00:00Z");
const database = setupQueryTestDatabase();

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  await addAccount(d, B, { lifecycle: "LEFT_INSPECTOR", lifecycle_since: since });
  await addAccountRegion(d, A, "us-east-1");
  await addAccountRegion(d, B, "us-east-1");
  await addAccountRegion(d, B, "eu-west-1", { inspector_status: "DISABLED" });
});

describe("account lifecycle in the reads", () => {
  const left = { lifecycle: "LEFT_INSPECTOR", since: since.toISOString() };

  it("marks the departed account on the heatmap, coverage and account page", async () => {
    const heat = await getSeverityHeatmap(allScope, []);
    expect(heat.map((r) => [r.accountId, r.left])).toEqual([[A, null], [B, left]]);
    const matrix = await getCoverageMatrix(allScope);
    expect(matrix.find((r) => r.accountId === B)?.left).toEqual(left);
    expect((await getAccount(allScope, B))?.left).toEqual(left);
    expect((await getAccount(allScope, A))?.left).toBeNull();
    // Its last region state is not listed as "Inspector off": it is shown as departed instead.
    expect(await getDisabledAccounts(allScope)).toEqual([]);
  });

  it("counts it apart from the accounts the overview's enablement describes", async () => {
    expect(await getEnablementSummary(allScope, [])).toEqual({ accounts: 1, fully_enabled: 1, with_sync_problems: 0, departed: 1 });
    expect(await getEnablementSummary({ accountIds: [A] }, [])).toMatchObject({ departed: 0 });
  });
});
