import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ListFiltersCommand, ListFindingAggregationsCommand, paginateListFindingAggregations, type AggregationResponse,
  type Finding, type Inspector2Client, type ListFindingAggregationsCommandInput,
} from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorHandle } from "./server";
import { allFindings, inspector, TEST_NOW } from "./test-support";

// Aggregations must agree with ListFindings over ACTIVE findings; suppression rules must bite.

let h: EmulatorHandle;
let c: Inspector2Client;
let active: Finding[];
let everything: Finding[];

beforeAll(async () => {
  h = await startEmulator({ seed: 5, accounts: 12, findings: 3000, now: TEST_NOW });
  c = inspector(h);
  everything = await allFindings(c);
  active = everything.filter((f) => f.status === "ACTIVE");
});
afterAll(() => h.close());

async function aggregate(input: ListFindingAggregationsCommandInput): Promise<AggregationResponse[]> {
  const out: AggregationResponse[] = [];
  for await (const p of paginateListFindingAggregations({ client: c, pageSize: 7 }, { ...input, maxResults: 7 })) out.push(...(p.responses ?? []));
  return out;
}

const sev = (fs: Finding[]) => ({
  all: fs.length, critical: fs.filter((f) => f.severity === "CRITICAL").length,
  high: fs.filter((f) => f.severity === "HIGH").length, medium: fs.filter((f) => f.severity === "MEDIUM").length,
});

describe("ListFindingAggregations", () => {
  it("ACCOUNT counts equal listed ACTIVE findings per account and severity", async () => {
    const rows = await aggregate({ aggregationType: "ACCOUNT" });
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(["accountAggregation"]);
      const a = r.accountAggregation!;
      const mine = active.filter((f) => f.awsAccountId === a.accountId);
      expect(a.severityCounts).toEqual(sev(mine));
      expect(a.exploitAvailableCount).toBe(mine.filter((f) => f.exploitAvailable === "YES").length);
      expect(a.fixAvailableCount).toBe(mine.filter((f) => f.fixAvailable === "YES").length);
    }
    expect(rows.reduce((s, r) => s + Number(r.accountAggregation!.severityCounts!.all), 0)).toBe(active.length);
    const crit = rows.map((r) => Number(r.accountAggregation!.severityCounts!.critical));
    expect(crit).toEqual([...crit].sort((a, b) => b - a));
  });

  it("every aggregation type answers with one union key per element and consistent totals", async () => {
    const cases: [NonNullable<ListFindingAggregationsCommandInput["aggregationType"]>, string, (f: Finding) => boolean][] = [
      ["AWS_EC2_INSTANCE", "ec2InstanceAggregation", (f) => f.resources![0].type === "AWS_EC2_INSTANCE"],
      ["AWS_ECR_CONTAINER", "awsEcrContainerAggregation", (f) => f.resources![0].type === "AWS_ECR_CONTAINER_IMAGE"],
      ["AWS_LAMBDA_FUNCTION", "lambdaFunctionAggregation", (f) => f.resources![0].type === "AWS_LAMBDA_FUNCTION"],
      ["PACKAGE", "packageAggregation", (f) => f.type === "PACKAGE_VULNERABILITY"],
      ["TITLE", "titleAggregation", () => true],
      ["REPOSITORY", "repositoryAggregation", (f) => f.resources![0].type === "AWS_ECR_CONTAINER_IMAGE"],
      ["AMI", "amiAggregation", (f) => f.resources![0].type === "AWS_EC2_INSTANCE"],
      ["FINDING_TYPE", "findingTypeAggregation", () => true],
    ];
    for (const [type, member, pred] of cases) {
      const rows = await aggregate({ aggregationType: type });
      expect(rows.length, type).toBeGreaterThan(0);
      let total = 0;
      for (const r of rows) {
        expect(Object.keys(r), type).toEqual([member]);
        total += Number((r as unknown as Record<string, { severityCounts: { all: number } }>)[member].severityCounts.all);
      }
      expect(total, type).toBe(active.filter(pred).length);
    }
  });

  it("resource aggregations carry their resource facts and honour their filters", async () => {
    const img = active.find((f) => f.resources![0].type === "AWS_ECR_CONTAINER_IMAGE")!.resources![0];
    const repo = img.details!.awsEcrContainerImage!.repositoryName!;
    const rows = await aggregate({ aggregationType: "AWS_ECR_CONTAINER", aggregationRequest: { awsEcrContainerAggregation: { repositories: [{ comparison: "EQUALS", value: repo }] } } });
    expect(rows.every((r) => r.awsEcrContainerAggregation!.repository === repo)).toBe(true);
    expect(rows.some((r) => r.awsEcrContainerAggregation!.resourceId === img.id)).toBe(true);
    const fn = await aggregate({ aggregationType: "AWS_LAMBDA_FUNCTION", aggregationRequest: { lambdaFunctionAggregation: { runtimes: [{ comparison: "PREFIX", value: "PYTHON" }] } } });
    expect(fn.every((r) => r.lambdaFunctionAggregation!.runtime!.startsWith("PYTHON"))).toBe(true);
    const ec2 = await aggregate({ aggregationType: "AWS_EC2_INSTANCE", aggregationRequest: { ec2InstanceAggregation: { sortBy: "NETWORK_FINDINGS", sortOrder: "DESC" } } });
    const net = ec2.map((r) => Number(r.ec2InstanceAggregation!.networkFindings));
    expect(net).toEqual([...net].sort((a, b) => b - a));
    expect(ec2[0].ec2InstanceAggregation!.operatingSystem).toMatch(/^[A-Z0-9_]+$/);
  });

  it("accountIds and request filters narrow the totals consistently", async () => {
    const acct = active[0].awsAccountId!;
    const rows = await aggregate({ aggregationType: "TITLE", accountIds: [{ comparison: "EQUALS", value: acct }], aggregationRequest: { titleAggregation: { findingType: "PACKAGE_VULNERABILITY" } } });
    const total = rows.reduce((s, r) => s + Number(r.titleAggregation!.severityCounts!.all), 0);
    expect(total).toBe(active.filter((f) => f.awsAccountId === acct && f.type === "PACKAGE_VULNERABILITY").length);
  });

  it("rejects a request member that does not match the type", async () => {
    await expect(c.send(new ListFindingAggregationsCommand({ aggregationType: "ACCOUNT", aggregationRequest: { amiAggregation: {} } }))).rejects.toThrow(/amiAggregation|accountAggregation/);
    await expect(c.send(new ListFindingAggregationsCommand({ aggregationType: "ACCOUNT", maxResults: 101 }))).rejects.toThrow(/less than or equal to 100/);
  });
});

describe("suppression rules", () => {
  it("findings matching a SUPPRESS filter are SUPPRESSED and others are not", async () => {
    const { filters } = await c.send(new ListFiltersCommand({ action: "SUPPRESS" }));
    expect(filters!.length).toBeGreaterThan(1);
    expect(filters!.every((f) => f.action === "SUPPRESS" && f.createdAt instanceof Date)).toBe(true);
    const negligible = filters!.find((f) => f.name === "accepted-negligible-os-cves")!;
    const ids = negligible.criteria!.vulnerabilityId!.map((v) => v.value);
    const hit = everything.filter((f) => ids.includes(f.packageVulnerabilityDetails?.vulnerabilityId ?? ""));
    expect(hit.length).toBeGreaterThan(0);
    expect(hit.every((f) => f.status === "SUPPRESSED" || f.status === "CLOSED")).toBe(true);
    const suppressed = everything.filter((f) => f.status === "SUPPRESSED");
    expect(suppressed.length).toBeGreaterThan(0);
    const saved = (await c.send(new ListFiltersCommand({ action: "NONE" }))).filters!;
    expect(saved.length).toBeGreaterThan(0);
  });
});
