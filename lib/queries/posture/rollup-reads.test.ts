// The overview, heatmap and account-page counts read from the rollups give exactly what counting
// the findings gives, for random findings (statuses, clouds, idle and unknown-usage images), under
// every scope, region filter and in-use mode the views use.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Scope } from "@/lib/queries/scope";
import { addAccount, addAccountRegion, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getOpenAggregates } from "./open-aggregates";
import { getSeverityHeatmap } from "./severity-heatmap";
import type { CountSource } from "./count-source";

const accounts = ["111111111111", "222222222222", "333333333333"];
const database = setupQueryTestDatabase();
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const seed = fc.record({
  account: pick(accounts), region: pick(["us-east-1", "eu-west-1"]), severity: pick(["CRITICAL", "HIGH", "MEDIUM", "UNTRIAGED"]),
  status: pick(["ACTIVE", "ACTIVE", "SUPPRESSED", "CLOSED", "GONE"]), type: pick(["AWS_EC2_INSTANCE", "AWS_ECR_CONTAINER_IMAGE", "AWS_LAMBDA_FUNCTION"]),
  inUse: pick([null, 0, 3]), exploit: pick([true, false, null]), fix: pick(["YES", "NO", "PARTIAL", null]),
  cloud: pick([["AWS", null], ["AWS", null], ["AZURE", "sub-1"], ["AZURE", null]] as const),
});

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
async function views(source: CountSource, scope: Scope, regions: string[], inUse: "only" | "all") {
  const a = await getOpenAggregates(scope, regions, inUse, source);
  return {
    byAccount: sorted(a.byAccount), byType: sorted(a.byType), byRegion: sorted(a.byRegion), byProvider: sorted(a.byProvider),
    heatmap: await getSeverityHeatmap(scope, regions, undefined, source),
    accountPage: await getSeverityHeatmap(scope, [], [accounts[0]], source),
  };
}

describe("rollup reads", () => {
  it("equal the counts over findings for random data, scopes, regions and in-use modes", async () => {
    const d = database();
    for (const id of accounts) {
      await addAccount(d, id);
      await addAccountRegion(d, id, "us-east-1");
    }
    await fc.assert(fc.asyncProperty(fc.array(seed, { maxLength: 25 }), async (fs) => {
      await d.pool.query("TRUNCATE findings CASCADE");
      for (const f of fs) {
        const arn = await addFinding(d, { account_id: f.account, region: f.region, severity: f.severity, status: f.status, resource_type: f.type, exploit_available: f.exploit, fix_available: f.fix });
        await d.pool.query("UPDATE findings SET in_use_count = $2, provider = $3, provider_account_id = $4 WHERE arn = $1", [arn, f.inUse, f.cloud[0], f.cloud[1]]);
      }
      for (const scope of [{ accountIds: "all" }, { accountIds: [accounts[0], accounts[2]] }, { accountIds: [] }] as Scope[]) {
        for (const regions of [[], ["eu-west-1"]]) {
          for (const inUse of ["only", "all"] as const) expect(await views("rollups", scope, regions, inUse)).toEqual(await views("findings", scope, regions, inUse));
        }
      }
    }), { numRuns: 12 });
  }, 180_000);
});
