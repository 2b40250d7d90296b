import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BatchGetAccountStatusCommand, ListCoverageCommand, paginateListCoverage, paginateListCoverageStatistics,
  type CoverageFilterCriteria, type CoveredResource, type Inspector2Client,
} from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorHandle } from "./server";
import { allFindings, inspector, TEST_NOW } from "./test-support";

// ListCoverage and ListCoverageStatistics, including INACTIVE reasons and disabled regions.

let h: EmulatorHandle;
let c: Inspector2Client;
let all: CoveredResource[];

async function coverage(filterCriteria?: CoverageFilterCriteria, maxResults = 200) {
  const out: CoveredResource[] = [];
  for await (const p of paginateListCoverage({ client: c, pageSize: maxResults }, { filterCriteria, maxResults })) out.push(...p.coveredResources!);
  return out;
}

beforeAll(async () => {
  h = await startEmulator({ seed: 9, accounts: 12, findings: 2500, now: TEST_NOW });
  c = inspector(h);
  all = await coverage();
});
afterAll(() => h.close());

describe("ListCoverage", () => {
  it("lists every resource once across pages, with ACTIVE and INACTIVE statuses", async () => {
    const small = await coverage(undefined, 13);
    expect(small.map((r) => `${r.resourceId}|${r.scanType}`)).toEqual(all.map((r) => `${r.resourceId}|${r.scanType}`));
    expect(new Set(all.map((r) => `${r.resourceId}|${r.scanType}`)).size).toBe(all.length);
    const types = new Set(all.map((r) => r.resourceType));
    expect(types).toEqual(new Set(["AWS_EC2_INSTANCE", "AWS_ECR_CONTAINER_IMAGE", "AWS_ECR_REPOSITORY", "AWS_LAMBDA_FUNCTION", "Microsoft.Compute/virtualMachines"]));
    const inactive = all.filter((r) => r.scanStatus!.statusCode === "INACTIVE");
    expect(inactive.length).toBeGreaterThan(5);
    expect(new Set(inactive.map((r) => r.scanStatus!.reason)).size).toBeGreaterThan(3);
    expect(all.some((r) => r.scanType === "CODE")).toBe(true);
    const ec2 = all.find((r) => r.resourceType === "AWS_EC2_INSTANCE")!;
    expect(ec2.resourceMetadata!.ec2!.amiId).toMatch(/^ami-/);
    expect(all.find((r) => r.resourceType === "AWS_ECR_REPOSITORY")!.resourceMetadata!.ecrRepository!.scanFrequency).toMatch(/SCAN_ON_PUSH|CONTINUOUS_SCAN|MANUAL/);
  });

  it("filters with EQUALS / NOT_EQUALS, map and date filters, and rejects PREFIX", async () => {
    const inactive = await coverage({ scanStatusCode: [{ comparison: "EQUALS", value: "INACTIVE" }], resourceType: [{ comparison: "NOT_EQUALS", value: "AWS_ECR_REPOSITORY" }] });
    expect(inactive.length).toBe(all.filter((r) => r.scanStatus!.statusCode === "INACTIVE" && r.resourceType !== "AWS_ECR_REPOSITORY").length);
    const prodEc2 = await coverage({ ec2InstanceTags: [{ comparison: "EQUALS", key: "Environment", value: "production" }] });
    expect(prodEc2.length).toBe(all.filter((r) => r.resourceMetadata?.ec2?.tags?.Environment === "production").length);
    expect(prodEc2.length).toBeGreaterThan(0);
    const recent = await coverage({ lastScannedAt: [{ startInclusive: new Date(TEST_NOW.getTime() - 86400_000) }] });
    expect(recent.length).toBe(all.filter((r) => r.lastScannedAt && r.lastScannedAt.getTime() >= TEST_NOW.getTime() - 86400_000).length);
    await expect(c.send(new ListCoverageCommand({ filterCriteria: { accountId: [{ comparison: "PREFIX" as never, value: "1" }] } }))).rejects.toThrow(/enum value set: \[EQUALS, NOT_EQUALS\]/);
    await expect(c.send(new ListCoverageCommand({ maxResults: 201 }))).rejects.toThrow(/less than or equal to 200/);
  });

  it("accounts with Inspector disabled or suspended in a region have no coverage or findings there", async () => {
    const eu = inspector(h, "eu-west-1");
    const ids = [...new Set(all.map((r) => r.accountId!))];
    const status = await eu.send(new BatchGetAccountStatusCommand({ accountIds: ids }));
    const dark = status.accounts!.filter((a) => a.state!.status !== "ENABLED").map((a) => a.accountId!);
    expect(dark.length).toBeGreaterThan(0);
    const euCoverage: CoveredResource[] = [];
    for await (const p of paginateListCoverage({ client: eu }, {})) euCoverage.push(...p.coveredResources!);
    expect(euCoverage.filter((r) => dark.includes(r.accountId!))).toEqual([]);
    const euFindings = await allFindings(eu, { awsAccountId: dark.slice(0, 10).map((value) => ({ comparison: "EQUALS", value })) });
    expect(euFindings).toEqual([]);
  });
});

describe("ListCoverageStatistics", () => {
  it("groups add up to the listed totals, five groups per page", async () => {
    for (const groupBy of ["ACCOUNT_ID", "SCAN_STATUS_REASON", "RESOURCE_TYPE", "SCAN_STATUS_CODE"] as const) {
      const groups: { count?: number; groupKey?: string }[] = [];
      let total = 0;
      for await (const p of paginateListCoverageStatistics({ client: c }, { groupBy })) {
        expect(p.countsByGroup!.length).toBeLessThanOrEqual(5);
        groups.push(...p.countsByGroup!);
        total = Number(p.totalCounts);
      }
      expect(total, groupBy).toBe(all.length);
      expect(groups.reduce((s, g) => s + Number(g.count), 0), groupBy).toBe(all.length);
    }
    const byAccount: Record<string, number> = {};
    for (const r of all) byAccount[r.accountId!] = (byAccount[r.accountId!] ?? 0) + 1;
    const groups: Record<string, number> = {};
    for await (const p of paginateListCoverageStatistics({ client: c }, { groupBy: "ACCOUNT_ID" })) for (const g of p.countsByGroup!) groups[g.groupKey!] = Number(g.count);
    expect(groups).toEqual(byAccount);
  });
});
