import { describe, expect, it } from "vitest";
import { addAccount, addAccountRegion, addCoveredResource, addFinding, addRow, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { allScope } from "@/lib/queries/scope";
import { getSeverityHeatmap } from "@/lib/queries/posture/severity-heatmap";
import { accountsHeatmap, costByAccount, coverageMatrix, unscannedByReason } from "./per-account-reads";

const database = setupQueryTestDatabase();
const A = "111111111111", B = "222222222222";

describe("the accounts and coverage pages' per-account reads", () => {
  it("answer from memory while the data is unchanged, and read again once a run or a write moves it", async () => {
    const d = database();
    await addAccount(d, A);
    await addAccountRegion(d, A, "eu-west-1");
    await addCoveredResource(d, { account_id: A, resource_id: "i-1", region: "eu-west-1", code: "ACTIVE" });
    await addFinding(d, { account_id: A, severity: "CRITICAL" });
    await d.pool.query("INSERT INTO usage_totals (account_id, region, usage_type, total, estimated_monthly_cost, currency, read_at) VALUES ($1, 'eu-west-1', 'EC2_INSTANCE_HOURS', 1, 4.5, 'USD', now())", [A]);
    const matrix = await coverageMatrix(allScope);
    expect(matrix.map((r) => [r.accountId, r.active, r.inactive])).toEqual([[A, 1, 0]]);
    expect((await accountsHeatmap(allScope)).map((r) => [r.accountId, r.counts.CRITICAL])).toEqual([[A, 1]]);
    expect((await costByAccount(allScope)).get(A)?.amount).toBe(4.5);
    expect(await unscannedByReason(allScope)).toEqual([]);

    // Usage changes without moving the version (only a run writes it): still the memory.
    await d.pool.query("UPDATE usage_totals SET estimated_monthly_cost = 9");
    expect(await coverageMatrix(allScope)).toBe(matrix);
    expect((await costByAccount(allScope)).get(A)?.amount).toBe(4.5);

    // A coverage write moves it, outside a run too (migration *_coverage_events_data_version): each reads again.
    await addCoveredResource(d, { account_id: A, resource_id: "i-2", region: "eu-west-1", code: "INACTIVE", reason: "NO_INVENTORY" });
    const reread = await coverageMatrix(allScope);
    expect(reread.map((r) => [r.accountId, r.active, r.inactive])).toEqual([[A, 1, 1]]);
    expect(await unscannedByReason(allScope)).toEqual([expect.objectContaining({ reason: "NO_INVENTORY", resources: 1 })]);
    expect((await costByAccount(allScope)).get(A)?.amount).toBe(9);
    expect(await coverageMatrix(allScope)).toBe(reread);

    // A run (its row moves the version) makes each read again.
    await addRow(d, "sync_runs", { trigger: "schedule", outcome: "SUCCEEDED", finished_at: new Date() });
    expect(await coverageMatrix(allScope)).not.toBe(reread);
    expect((await coverageMatrix(allScope)).map((r) => [r.accountId, r.active, r.inactive])).toEqual([[A, 1, 1]]);

    // A write to accounts or findings outside a run moves it too (cache_data_version).
    await addAccount(d, B);
    await addAccountRegion(d, B, "eu-west-1");
    await addFinding(d, { account_id: B, severity: "HIGH" });
    expect((await accountsHeatmap(allScope)).map((r) => [r.accountId, r.counts.HIGH]).sort()).toEqual([[A, 0], [B, 1]]);
    expect((await coverageMatrix(allScope)).map((r) => r.accountId)).toEqual([A, B]);
  });

  it("keeps each scope's answer apart", async () => {
    const mine = await coverageMatrix({ accountIds: [B] });
    expect(mine.map((r) => r.accountId)).toEqual([B]);
    expect((await coverageMatrix(allScope)).map((r) => r.accountId)).toEqual([A, B]);
    expect((await costByAccount(allScope)).has(A)).toBe(true);
    expect((await costByAccount({ accountIds: [B] })).has(A)).toBe(false);
  });

  it("gives the accounts page the same rows as counting its accounts apart, without other clouds' accounts", async () => {
    const d = database();
    const arn = await addFinding(d, { account_id: A, severity: "MEDIUM" });
    await d.pool.query("UPDATE findings SET provider = 'AZURE', provider_account_id = 'sub-1' WHERE arn = $1", [arn]);
    const rows = await accountsHeatmap(allScope);
    expect(rows).toEqual(await getSeverityHeatmap(allScope, []));
    expect(rows.map((r) => r.accountId)).toEqual([A, B]);
    expect(rows.find((r) => r.accountId === A)?.otherClouds).toBe(true);
  });
});
