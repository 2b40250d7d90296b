import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addAccountRegion, addFinding, addRow, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getEnablementSummary, getLastSync } from "./overview-tiles";
import { getOpenAggregates } from "./open-aggregates";
import { getSeverityHeatmap } from "./severity-heatmap";
import { getTopRisks } from "./top-risks";
import { parseOverviewFilter } from "./overview-filter";
import { hasPostureData, listRegions } from "./has-data";
import { filterOptions, getFilterOptions } from "@/lib/queries/accounts/account-options";

const A = "111111111111", B = "222222222222", C = "333333333333";
const database = setupQueryTestDatabase();

beforeAll(async () => {
  const d = database();
  await addAccount(d, A, { name: "prod", ou_name: "Production", owner: "alice" });
  await addAccount(d, B, { name: "dev", ou_name: "Development", owner: "bob" });
  await addAccount(d, C, { name: "denied", ou_name: "Development", owner: "bob" });
  await addAccountRegion(d, A, "us-east-1");
  await addAccountRegion(d, A, "eu-west-1");
  await addAccountRegion(d, B, "us-east-1", { lambda_code_status: "DISABLED" });
  await addAccountRegion(d, C, "us-east-1", { sync_status: "ACCESS_DENIED" });
  await addFinding(d, { account_id: A, severity: "CRITICAL", inspector_score: 9.8, exploit_available: true, vulnerability_id: "CVE-1", fix_available: "YES" });
  await addFinding(d, { account_id: A, severity: "CRITICAL", inspector_score: 9.0, vulnerability_id: "CVE-2", region: "eu-west-1", fix_available: "NO" });
  await addFinding(d, { account_id: A, severity: "HIGH", inspector_score: 8.0, vulnerability_id: "CVE-1", resource_type: "AWS_LAMBDA_FUNCTION" });
  await addFinding(d, { account_id: B, severity: "HIGH", inspector_score: 7.0, epss_score: 0.97, vulnerability_id: "CVE-3" });
  await addFinding(d, { account_id: B, severity: "CRITICAL", status: "CLOSED", vulnerability_id: "CVE-9" });
  await addRow(d, "sync_runs", { trigger: "schedule", started_at: new Date("2026-01-01T00:00:00Z"), finished_at: new Date("2026-01-01T00:05:00Z"), outcome: "SUCCEEDED" });
  await addRow(d, "sync_runs", { trigger: "manual", started_at: new Date("2026-01-02T00:00:00Z"), finished_at: new Date("2026-01-02T00:01:00Z"), outcome: "FAILED" });
});

describe("overview read models", () => {
  it("count open findings by severity per account, including accounts with none, flagging sync problems", async () => {
    const rows = await getSeverityHeatmap(allScope, []);
    expect(rows.map((r) => [r.accountId, r.counts.CRITICAL, r.counts.HIGH, r.total, r.syncProblems])).toEqual([
      [A, 2, 1, 3, []],
      [B, 0, 1, 1, []],
      [C, 0, 0, 0, ["ACCESS_DENIED"]],
    ]);
    expect(rows[0]).toMatchObject({ name: "prod", ou: "Production", owner: "alice" });
    // C never synced a region and the cache holds none of its findings: unknown, not clean.
    expect(rows.map((r) => [r.accountId, r.noData ?? false])).toEqual([[A, false], [B, false], [C, true]]);
    // With one of its regions synced, an account's zero is a count.
    await addAccountRegion(database(), C, "eu-west-1");
    expect((await getSeverityHeatmap(allScope, [])).find((r) => r.accountId === C)?.noData).toBeUndefined();
    expect((await getSeverityHeatmap(allScope, ["us-east-1"])).find((r) => r.accountId === C)?.noData).toBe(true);
    await database().pool.query("DELETE FROM account_regions WHERE account_id = $1 AND region = 'eu-west-1'", [C]);
  });

  it("mark an account that also reports another cloud's findings, whose links must then ask for AWS only", async () => {
    const d = database();
    const arn = await addFinding(d, { account_id: B, severity: "CRITICAL" });
    await d.pool.query("UPDATE findings SET provider = 'AZURE', provider_account_id = 'sub-1' WHERE arn = $1", [arn]);
    const b = (await getSeverityHeatmap(allScope, [])).find((r) => r.accountId === B);
    expect(b).toMatchObject({ otherClouds: true, total: 1 }); // the Azure finding has a row of its own
    await d.pool.query("DELETE FROM findings WHERE arn = $1", [arn]);
    expect((await getSeverityHeatmap(allScope, [])).find((r) => r.accountId === B)?.otherClouds).toBeUndefined();
  });

  it("count a top risk's findings as its explorer link opens them: its aliases' findings and idle images included", async () => {
    const d = database();
    const alias = await addFinding(d, { account_id: B, severity: "HIGH", vulnerability_id: "GHSA-xxxx-yyyy-zzzz" });
    const idle = await addFinding(d, { account_id: B, severity: "HIGH", vulnerability_id: "CVE-1", resource_type: "AWS_ECR_CONTAINER_IMAGE" });
    await d.pool.query("UPDATE findings SET related_vulnerabilities = '{CVE-1}' WHERE arn = $1", [alias]);
    await d.pool.query("UPDATE findings SET in_use_count = 0 WHERE arn = $1", [idle]);
    expect((await getTopRisks(allScope, [])).find((r) => r.finding_key === "CVE-1")?.findings).toBe(4);
    await d.pool.query("DELETE FROM findings WHERE arn = ANY($1)", [[alias, idle]]);
  });

  it("narrow the heatmap by region and by scope", async () => {
    const eu = await getSeverityHeatmap(allScope, ["eu-west-1"]);
    expect(eu.find((r) => r.accountId === A)?.total).toBe(1);
    expect((await getSeverityHeatmap({ accountIds: [B] }, [])).map((r) => r.accountId)).toEqual([B]);
  });

  it("aggregate open findings by account, resource type and region, within scope and region", async () => {
    const all = await getOpenAggregates(allScope, []);
    const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
    expect([sum(all.byAccount), sum(all.byType), sum(all.byRegion)]).toEqual([4, 4, 4]);
    expect(all.byType.reduce((n, r) => n + r.exploitable, 0)).toBe(1);
    expect(all.byType.reduce((n, r) => n + r.fixable, 0)).toBe(3);
    expect(all.byType.find((r) => r.resource_type === "AWS_LAMBDA_FUNCTION")).toMatchObject({ severity: "HIGH", count: 1 });
    expect(all.byAccount.filter((r) => r.account_id === A).map((r) => [r.severity, r.count]).sort()).toEqual([["CRITICAL", 2], ["HIGH", 1]]);
    expect(all.byRegion.filter((r) => r.region === "eu-west-1")).toEqual([{ region: "eu-west-1", severity: "CRITICAL", count: 1 }]);
    expect(sum((await getOpenAggregates({ accountIds: [B] }, [])).byType)).toBe(1);
    expect((await getOpenAggregates(allScope, ["eu-west-1"])).byAccount).toEqual([{ account_id: A, severity: "CRITICAL", count: 1 }]);
  });

  it("count fully enabled accounts and accounts whose sync failed", async () => {
    expect(await getEnablementSummary(allScope, [])).toEqual({ accounts: 3, fully_enabled: 2, with_sync_problems: 1, departed: 0 });
    expect(await getEnablementSummary({ accountIds: [B] }, [])).toEqual({ accounts: 1, fully_enabled: 0, with_sync_problems: 0, departed: 0 });
  });

  it("report the last successful sync and the last outcome", async () => {
    expect(await getLastSync(allScope)).toEqual({ last_finished_at: new Date("2026-01-01T00:05:00Z"), last_outcome: "FAILED", running: false, stale: true });
  });

  it("rank top risks by exploit, then score, then EPSS, per vulnerability", async () => {
    const risks = await getTopRisks(allScope, []);
    expect(risks.map((r) => [r.finding_key, r.exploitable, r.findings])).toEqual([["CVE-1", true, 2], ["CVE-2", false, 1], ["CVE-3", false, 1]]);
    expect((await getTopRisks({ accountIds: [B] }, [])).map((r) => r.finding_key)).toEqual(["CVE-3"]);
    // A region filter narrows the ranking; the per-vulnerability count is left out there.
    expect((await getTopRisks(allScope, ["eu-west-1"])).map((r) => [r.finding_key, r.findings])).toEqual([["CVE-2", null]]);
  });

  it("say whether there is data, and list regions and filter options within scope", async () => {
    expect(await hasPostureData(allScope)).toBe(true);
    expect(await hasPostureData({ accountIds: [] })).toBe(false);
    expect(await listRegions(allScope)).toEqual(["eu-west-1", "us-east-1"]);
    expect(await listRegions({ accountIds: [B] })).toEqual(["us-east-1"]);
    expect(await getFilterOptions({ accountIds: [B, C] })).toEqual({
      ous: ["Development"],
      owners: ["bob"],
      regions: ["us-east-1"],
    });
  });

  it("memoise the filter options until an account or a region is written", async () => {
    const D = "444444444444";
    const scope = { accountIds: [B, D] };
    expect(await filterOptions(scope)).toEqual({ ous: ["Development"], owners: ["bob"], regions: ["us-east-1"] });
    try {
      await addAccount(database(), D, { ou_name: "Sandbox", owner: "carol" });
      expect(await filterOptions(scope)).toEqual({ ous: ["Development", "Sandbox"], owners: ["bob", "carol"], regions: ["us-east-1"] });
      await addAccountRegion(database(), D, "ap-south-1");
      expect((await filterOptions(scope)).regions).toEqual(["ap-south-1", "us-east-1"]);
    } finally {
      await database().pool.query("DELETE FROM account_regions WHERE account_id = $1", [D]);
      await database().pool.query("DELETE FROM accounts WHERE id = $1", [D]);
    }
    expect(await filterOptions(scope)).toEqual({ ous: ["Development"], owners: ["bob"], regions: ["us-east-1"] });
  });

  it("parse the overview URL leniently", () => {
    expect(parseOverviewFilter(new URLSearchParams("region=us-east-1&sort=high&group=ou"))).toEqual({ region: ["us-east-1"], sort: "high", group: "ou", inUse: "only" });
    expect(parseOverviewFilter(new URLSearchParams("inUse=all")).inUse).toBe("all");
    expect(parseOverviewFilter({ sort: "bogus", region: "nope" })).toEqual({ region: [], sort: "critical", group: "none", inUse: "only" });
  });
});
