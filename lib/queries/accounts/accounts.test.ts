import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addAccountRegion, addRow, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getAccount, getAccountTrend } from "./account-detail";
import { getSyncRun, listSyncRuns } from "@/lib/queries/sync/sync-runs";

const A = "111111111111", B = "222222222222";
const database = setupQueryTestDatabase();

beforeAll(async () => {
  const d = database();
  await addAccount(d, A, { name: "prod" });
  await addAccount(d, B);
  await addAccountRegion(d, A, "us-east-1");
  await addAccountRegion(d, A, "eu-west-1", { sync_status: "ERROR", sync_error: "throttled" });
  const run = await d.pool.query("INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('manual', 'PARTIAL', now()) RETURNING id");
  const id = run.rows[0].id;
  await addRow(d, "sync_region_results", { run_id: id, region: "us-east-1", status: "OK", findings_seen: 10 });
  await addRow(d, "sync_account_results", { run_id: id, account_id: A, region: "us-east-1", status: "OK", findings: 10, integrity_match: false, cache_counts: { critical: 1 }, api_counts: { critical: 2 } });
  await addRow(d, "sync_account_results", { run_id: id, account_id: A, region: "eu-west-1", status: "ERROR", error: "throttled" });
  await addRow(d, "sync_account_results", { run_id: id, account_id: B, region: "us-east-1", status: "OK", integrity_match: true });
  for (const [day, open] of [["2026-01-01", 3], ["2026-01-02", 5]] as const) {
    await addRow(d, "daily_snapshots", { day: new Date(`${day}T00:00:00Z`), account_id: A, severity: "CRITICAL", open });
  }
});

describe("account and sync read models", () => {
  it("return an account with per-region state and its latest integrity check", async () => {
    const detail = (await getAccount(allScope, A))!;
    expect(detail.account.name).toBe("prod");
    expect(detail.regions.map((r) => [r.region, r.sync_status, r.integrity_match])).toEqual([["eu-west-1", "ERROR", null], ["us-east-1", "OK", false]]);
    expect(await getAccount({ accountIds: [B] }, A)).toBeUndefined();
  });

  it("return the snapshot trend in day order", async () => {
    const trend = await getAccountTrend(allScope, A, 100_000);
    expect(trend.map((t) => [t.day, t.open])).toEqual([["2026-01-01", 3], ["2026-01-02", 5]]);
    expect(await getAccountTrend({ accountIds: [B] }, A, 100_000)).toEqual([]);
  });

  it("list runs and a run's problems: failed accounts first, then integrity mismatches", async () => {
    const [run] = await listSyncRuns(allScope);
    const detail = (await getSyncRun(allScope, run.id))!;
    expect(detail.regions.map((r) => r.region)).toEqual(["us-east-1"]);
    expect(detail.problemAccounts.map((r) => [r.region, r.status, r.integrity_match])).toEqual([["eu-west-1", "ERROR", null], ["us-east-1", "OK", false]]);
    expect(detail.accountTotals).toMatchObject({ total: 3, ok: 2, mismatched: 1, checked: 2 });
    expect((await getSyncRun({ accountIds: [B] }, run.id))!.problemAccounts).toEqual([]);
  });
});
