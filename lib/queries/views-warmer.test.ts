import { afterAll, describe, expect, it } from "vitest";
import { addAccount, addAccountRegion, addFinding, addRow, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { allScope } from "@/lib/queries/scope";
import { announceRunFinished } from "@/lib/sync/run-listeners";
import type { SyncResult } from "@/lib/sync/run-sync";
import { costTotal, enablementSummary, imageUsageSummary, openAggregates, orgTopRisks, overviewFrame } from "./posture/overview-reads";
import { heatmapRows } from "./posture/heatmap-data";
import { currentFindingsIndex } from "./findings/findings-index";
import { getExplorerResult } from "./findings/explorer-result";
import { liveReview, liveReviewRequest } from "./review/live-review";
import { insertAccount, insertFinding } from "./review/review-fixtures";
import { reviewParamsSchema } from "@/lib/review/review-params";
import { startViewsWarmer, viewsWarming, warmIfChanged } from "./views-warmer";
import { parseFindingsFilter } from "./findings/findings-filter";
import { groupFindings } from "./findings/findings-groups";
import { scopeHash, SUMMED_AHEAD_MIN_ACCOUNTS } from "./findings/scope-key-rollups";

const database = setupQueryTestDatabase();

/** Runs writes with the tables' data-version triggers off: the memos cannot see them. */
async function behindTheVersion(d: ReturnType<typeof database>, tables: string[], writes: string[]) {
  for (const t of tables) await d.pool.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_cache_data_version`);
  for (const w of writes) await d.pool.query(w);
  for (const t of tables) await d.pool.query(`ALTER TABLE ${t} ENABLE TRIGGER ${t}_cache_data_version`);
}
const stop = startViewsWarmer(0, { maxWaitMs: 0 }); // no wait for a quiet moment (when-quiet.test.ts)
afterAll(stop);

describe("the views warmer", () => {
  it("fills what the organization-wide overview reads (counts, heatmap rows, top risks, image usage, regions, enablement, cost) and the explorer's findings index when a run finishes", async () => {
    const d = database();
    const A = "111111111111";
    await addAccount(d, A);
    await addAccountRegion(d, A, "eu-west-1");
    await addFinding(d, { account_id: A, severity: "CRITICAL", vulnerability_id: "CVE-2024-1" });
    await addFinding(d, { account_id: A, severity: "HIGH", resource_type: "AWS_ECR_CONTAINER_IMAGE", resource_id: "sha256:img", vulnerability_id: "CVE-2024-2" });
    await d.pool.query("UPDATE findings SET in_use_count = 0 WHERE resource_id = 'sha256:img'"); // an image that runs nowhere
    await d.pool.query("INSERT INTO usage_totals (account_id, region, usage_type, total, estimated_monthly_cost, currency, read_at) VALUES ($1, 'eu-west-1', 'EC2_INSTANCE_HOURS', 1, 4.5, 'USD', now())", [A]);
    await addRow(d, "sync_runs", { trigger: "schedule", outcome: "SUCCEEDED", finished_at: new Date() });
    expect(viewsWarming()).toBeUndefined();

    announceRunFinished({ runId: 1, outcome: "SUCCEEDED" } as SyncResult);
    await viewsWarming();
    // Findings, names and regions change behind the version's back: what the page's own reads
    // return now can only come from the warming.
    await behindTheVersion(d, ["findings", "accounts", "account_regions"], [
      "TRUNCATE findings CASCADE", "UPDATE accounts SET name = 'renamed behind the run'", "DELETE FROM account_regions",
    ]);
    await d.pool.query("UPDATE usage_totals SET estimated_monthly_cost = 99"); // only a run writes usage: no version of its own
    expect((await openAggregates(allScope, [], "only")).byAccount).toEqual([{ account_id: A, severity: "CRITICAL", count: 1 }]);
    expect((await heatmapRows(allScope, { region: [], inUse: "only" })).map((r) => [r.accountId, r.name, r.counts.CRITICAL])).toEqual([[A, expect.not.stringContaining("renamed"), 1]]);
    expect((await orgTopRisks(allScope)).map((r) => r.finding_key).sort()).toEqual(["CVE-2024-1", "CVE-2024-2"]);
    expect((await imageUsageSummary(allScope, [])).idleFindings).toBe(1);
    expect(await overviewFrame(allScope)).toEqual({ hasData: true, regions: ["eu-west-1"] });
    expect((await enablementSummary(allScope, [])).accounts).toBe(1);
    expect((await costTotal(allScope)).amount).toBe(4.5);
    // The explorer's findings index was read by the warming, at this version: both open findings
    // are in it, and its answer is the warmed one (the database's now has none).
    expect((await currentFindingsIndex())?.size).toBe(2);
    expect(await getExplorerResult(allScope, parseFindingsFilter(new URLSearchParams("inUse=all&ageMin=1")).filter)).toMatchObject({ total: 2, totalCapped: false });
    // Only the organization-wide view is warmed: a scoped one reads the (now empty) cache on first view.
    expect((await openAggregates({ accountIds: [A] }, [], "only")).byAccount).toEqual([]);
  });

  it("computes today's review (as the page asks for it with no parameters) when its poll sees the data change and no run in progress", async () => {
    const d = database();
    const B = "222222222222";
    const todaysReview = async () => liveReview(allScope, liveReviewRequest(reviewParamsSchema(new Date()).parse({})));
    await insertAccount(d.pool, { id: B, name: "ledger-prod", owner: "ledger" });
    // A critical open for 60 days: past every SLA policy's deadline.
    await insertFinding(d.pool, { arn: "late-1", accountId: B, firstObservedAt: new Date(Date.now() - 60 * 86_400_000).toISOString() });
    await addRow(d, "sync_runs", { trigger: "cli", outcome: "SUCCEEDED", finished_at: new Date() }); // a run another process finished
    expect(await warmIfChanged()).toBe(true);
    await behindTheVersion(d, ["findings"], ["TRUNCATE findings CASCADE"]);
    // Only the warming can have read the breach: the findings are gone behind the version's back.
    expect((await (await todaysReview()).section("sla")).totals.breached).toBe(1);
    expect(await warmIfChanged()).toBe(false); // nothing moved since

    // A run in progress moves the version with every batch: nothing is warmed until it is over.
    await d.pool.query("INSERT INTO sync_runs (trigger, outcome, progress) VALUES ('schedule', 'RUNNING', jsonb_build_object('heartbeatAt', now(), 'regions', '[]'::jsonb))");
    await insertFinding(d.pool, { arn: "late-2", accountId: B, firstObservedAt: new Date(Date.now() - 60 * 86_400_000).toISOString() });
    expect(await warmIfChanged()).toBe(false);
    await d.pool.query("UPDATE sync_runs SET outcome = 'SUCCEEDED', finished_at = now() WHERE outcome = 'RUNNING'");
    expect(await warmIfChanged()).toBe(true);
    expect((await (await todaysReview()).section("sla")).totals.breached).toBe(1); // late-2 alone (late-1 was truncated)
  });

  it("sums the CVE groups of a scope of many accounts a viewer opened: after a run, and at a poll with no data change", async () => {
    const d = database();
    await d.pool.query("TRUNCATE findings CASCADE");
    const C = "333333333333";
    const scope = { accountIds: [C, ...Array.from({ length: SUMMED_AHEAD_MIN_ACCOUNTS }, (_, i) => String(800000000000 + i))] };
    const generation = async () => (await d.pool.query<{ summed: boolean }>(
      "SELECT coalesce(s.generation = g.n, false) AS summed FROM scope_key_rollup_sets s, key_rollups_generation g WHERE s.scope_hash = $1", [scopeHash(scope.accountIds)])).rows[0]?.summed;
    await addFinding(d, { account_id: C, severity: "CRITICAL", vulnerability_id: "CVE-2024-7", finding_key: "CVE-2024-7" });
    await addRow(d, "sync_runs", { trigger: "cli", outcome: "SUCCEEDED", finished_at: new Date() });
    expect(await warmIfChanged()).toBe(true); // the overview and review, for this data
    const groups = async () => groupFindings(scope, { ...parseFindingsFilter(new URLSearchParams("group=cve")).filter, group: "cve" });
    expect((await groups()).groups.map((g) => [g.key, g.critical])).toEqual([["CVE-2024-7", 1]]);
    expect(await generation(), "recorded, not summed").toBe(false);
    // The next poll sees no data change, and sums the scope recorded since.
    expect(await warmIfChanged()).toBe(false);
    expect(await generation()).toBe(true);

    // A run changes the findings: its end sums the scope again.
    await addFinding(d, { account_id: C, severity: "CRITICAL", vulnerability_id: "CVE-2024-7", finding_key: "CVE-2024-7" });
    expect(await generation()).toBe(false);
    announceRunFinished({ runId: 2, outcome: "SUCCEEDED" } as SyncResult);
    await viewsWarming();
    expect(await generation()).toBe(true);
    expect((await groups()).groups.map((g) => [g.key, g.critical])).toEqual([["CVE-2024-7", 2]]);
  });
});
