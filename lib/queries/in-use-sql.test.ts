import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addFinding, daysAgo, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getOpenAggregates } from "@/lib/queries/posture/open-aggregates";
import { getImageUsageSummary } from "@/lib/queries/posture/image-usage-summary";
import { getExplorerResult } from "@/lib/queries/findings/explorer-result";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";

// The "In use only" switch and the provider split on a real Postgres: idle ECR images leave the
// counts, unknown usage stays in, other resource types always count, Azure rows are their own.
const A = "111111111111";
const database = setupQueryTestDatabase();
const IMG = "AWS_ECR_CONTAINER_IMAGE";

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  const image = async (id: string, inUse: number | null, pulledDaysAgo: number | null, severity = "HIGH") => {
    const arn = await addFinding(d, { account_id: A, resource_type: IMG, resource_id: id, severity });
    await d.pool.query("UPDATE findings SET in_use_count = $2, image_pulled_at = $3 WHERE arn = $1", [arn, inUse, pulledDaysAgo === null ? null : daysAgo(pulledDaysAgo)]);
  };
  await image("img-running", 3, 1, "CRITICAL");
  await image("img-idle", 0, 20);
  await image("img-idle", 0, 20, "CRITICAL");
  await image("img-stale", 0, 120);
  await image("img-never", 0, null);
  await image("img-unknown", null, null);
  await addFinding(d, { account_id: A, resource_type: "AWS_EC2_INSTANCE" });
  const az = await addFinding(d, { account_id: A, resource_type: "Microsoft.Compute/virtualMachines", resource_id: "/subscriptions/s1/vm" });
  await d.pool.query("UPDATE findings SET provider = 'AZURE', provider_account_id = 'sub-1' WHERE arn = $1", [az]);
});

const total = async (qs: string) => {
  const r = await getExplorerResult(allScope, parseFindingsFilter(new URLSearchParams(qs)).filter);
  return r.total;
};
const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);

describe("in use only", () => {
  it("leaves out open findings on images running nowhere, keeps unknown usage and other types", async () => {
    const only = await getOpenAggregates(allScope, []);
    const all = await getOpenAggregates(allScope, [], "all");
    expect(sum(all.byType)).toBe(8);
    expect(sum(only.byType)).toBe(4); // running, unknown, EC2, Azure
    expect(sum(only.byAccount) + sum(only.byProvider)).toBe(sum(only.byType));
    expect(sum(all.byAccount) + sum(all.byProvider)).toBe(8);
  });

  it("the explorer's default equals the overview's in-use count; inUse=all and idle split it", async () => {
    expect(await total("")).toBe(4);
    expect(await total("inUse=all")).toBe(8);
    expect(await total("inUse=idle")).toBe(4);
    expect(await total("inUse=all&notPulledDays=90")).toBe(2); // stale, never pulled (idle)
    expect(await total("inUse=all&notPulledDays=10")).toBe(4);
  });

  it("summarises what the switch leaves out", async () => {
    expect(await getImageUsageSummary(allScope, [])).toEqual({ idleFindings: 4, idleImages: 3, unknownImages: 1, knownImages: 4 });
  });
});

describe("other clouds", () => {
  it("counts Azure findings by subscription, never under the AWS account", async () => {
    const only = await getOpenAggregates(allScope, []);
    expect(only.byProvider).toEqual([{ account_id: A, provider: "AZURE", provider_account_id: "sub-1", severity: "HIGH", count: 1 }]);
    expect(sum(only.byAccount)).toBe(3);
    expect(await total("provider=AZURE")).toBe(1);
    expect(await total("provider=AZURE&providerAccount=sub-1")).toBe(1);
    expect(await total("provider=AWS&inUse=all")).toBe(7);
  });
});
