import { afterAll, describe, expect, it } from "vitest";
import { addAccount, addFinding, addRow, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { allScope } from "@/lib/queries/scope";
import { announceRunFinished } from "@/lib/sync/run-listeners";
import type { SyncResult } from "@/lib/sync/run-sync";
import { overviewMemo } from "./sync-version";
import { startOverviewWarmer, overviewWarming } from "./overview-warmer";

const database = setupQueryTestDatabase();
const stop = startOverviewWarmer();
afterAll(stop);

/** Whether the memo already holds `key` (a miss is filled with a marker and reported). */
async function memoHolds(key: string): Promise<boolean> {
  let computed = false;
  await overviewMemo().get(key, async () => ((computed = true), null));
  return !computed;
}

describe("the overview warmer", () => {
  it("fills the organization-wide overview's counts, top risks and image usage when a run finishes", async () => {
    const d = database();
    await addAccount(d, "111111111111");
    await addFinding(d, { account_id: "111111111111", severity: "CRITICAL" });
    await addRow(d, "sync_runs", { trigger: "schedule", outcome: "SUCCEEDED", finished_at: new Date() });
    expect(overviewWarming()).toBeUndefined();

    announceRunFinished({ runId: 1, outcome: "SUCCEEDED" } as SyncResult);
    await overviewWarming();
    const open = (await overviewMemo().get(`open:${JSON.stringify([allScope, [], "only"])}`, async () => null)) as { byAccount: unknown[] } | null;
    expect(open?.byAccount).toEqual([{ account_id: "111111111111", severity: "CRITICAL", count: 1 }]);
    expect(await memoHolds(`risks:${JSON.stringify(allScope)}`)).toBe(true);
    expect(await memoHolds(`image-usage:${JSON.stringify([allScope, []])}`)).toBe(true);
    // A scoped view is not warmed: it fills on its first view.
    expect(await memoHolds(`open:${JSON.stringify([{ accountIds: ["111111111111"] }, [], "only"])}`)).toBe(false);
  });
});
