import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addAccountRegion, addCoveredResource, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getCoverageMatrix } from "./coverage-matrix";
import { getDisabledAccounts, getSilentAccounts, getUnscannedByReason, getUnsyncedRegions } from "./coverage-gaps";
import { listCoverageResources } from "./coverage-resources";
import { parseCoverageResourcesFilter } from "./coverage-resources-filter";

const A = "111111111111", B = "222222222222", C = "333333333333";
const database = setupQueryTestDatabase();
const filter = (qs: string) => parseCoverageResourcesFilter(new URLSearchParams(qs)).filter;

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  await addAccount(d, B);
  await addAccount(d, C);
  await addAccountRegion(d, A, "us-east-1");
  await addAccountRegion(d, A, "eu-west-1", { ecr_status: "SUSPENDED" });
  await addAccountRegion(d, B, "us-east-1", { inspector_status: "DISABLED", sync_status: "INSPECTOR_DISABLED" });
  await addAccountRegion(d, C, "us-east-1");
  await addAccountRegion(d, C, "eu-west-1", { sync_status: "ACCESS_DENIED", sync_error: "not authorized" });
  for (let i = 0; i < 5; i++) await addCoveredResource(d, { account_id: A, resource_id: `i-0${i}`, code: i < 2 ? "ACTIVE" : "INACTIVE", reason: i < 2 ? "SUCCESSFUL" : "UNMANAGED_EC2_INSTANCE" });
  await addCoveredResource(d, { account_id: A, resource_id: "i-00", scan_type: "NETWORK" });
  await addCoveredResource(d, { account_id: A, resource_id: "arn:aws:lambda:us-east-1:111111111111:function:f", resource_type: "AWS_LAMBDA_FUNCTION", code: "INACTIVE", reason: "UNSUPPORTED_RUNTIME" });
  await addCoveredResource(d, { account_id: A, resource_id: "arn:aws:lambda:us-east-1:111111111111:function:f", resource_type: "AWS_LAMBDA_FUNCTION", scan_type: "CODE", code: "ACTIVE" });
  await addCoveredResource(d, { account_id: C, resource_id: "repo/x", region: "eu-west-1", resource_type: "AWS_ECR_REPOSITORY", code: "INACTIVE", reason: "SCAN_FREQUENCY_MANUAL" });
  await addCoveredResource(d, { account_id: B, resource_id: "i-b", code: "INACTIVE", reason: "UNMANAGED_EC2_INSTANCE" });
  await addFinding(d, { account_id: A, region: "eu-west-1" });
});

describe("coverage read models", () => {
  it("build the account x scan type matrix from enablement and scanned resources", async () => {
    const rows = await getCoverageMatrix(allScope);
    const a = rows.find((r) => r.accountId === A)!;
    expect(a.cells.EC2).toEqual({ regions: 2, enabledRegions: 2, otherStatuses: [], active: 2, inactive: 3 });
    expect(a.cells.ECR).toMatchObject({ enabledRegions: 1, otherStatuses: ["SUSPENDED"], active: 0, inactive: 0 });
    expect(a.cells.LAMBDA).toMatchObject({ active: 0, inactive: 1 });
    expect(a.cells.LAMBDA_CODE).toMatchObject({ active: 1, inactive: 0 });
    expect([a.active, a.inactive]).toEqual([3, 4]);
    expect((await getCoverageMatrix({ accountIds: [C] })).map((r) => r.accountId)).toEqual([C]);
  });

  it("group unscanned resources by reason with per-scan-type counts", async () => {
    const reasons = await getUnscannedByReason(allScope);
    expect(reasons[0]).toEqual({ reason: "UNMANAGED_EC2_INSTANCE", resources: 4, accounts: 2, ec2: 4, ecr: 0, lambda: 0, lambda_code: 0 });
    expect(reasons.map((r) => r.reason).sort()).toEqual(["SCAN_FREQUENCY_MANUAL", "UNMANAGED_EC2_INSTANCE", "UNSUPPORTED_RUNTIME"]);
    expect((await getUnscannedByReason({ accountIds: [B] })).map((r) => [r.reason, r.resources])).toEqual([["UNMANAGED_EC2_INSTANCE", 1]]);
  });

  it("list accounts with Inspector off, silent regions and regions the sync could not read", async () => {
    expect((await getDisabledAccounts(allScope)).map((r) => [r.account_id, r.region, r.inspector_status])).toEqual([[B, "us-east-1", "DISABLED"]]);
    // C/us-east-1 is enabled and synced but has no resources or findings; A/eu-west-1 has a finding.
    expect((await getSilentAccounts(allScope)).map((r) => [r.account_id, r.region])).toEqual([[C, "us-east-1"]]);
    expect((await getUnsyncedRegions(allScope)).map((r) => [r.account_id, r.region, r.sync_status, r.sync_error])).toEqual([[C, "eu-west-1", "ACCESS_DENIED", "not authorized"]]);
    expect(await getSilentAccounts({ accountIds: [A] })).toEqual([]);
  });

  it("drill into a reason's resources with keyset paging and scope", async () => {
    const first = await listCoverageResources(allScope, { ...filter("reason=UNMANAGED_EC2_INSTANCE"), limit: 2 });
    expect(first.total).toBe(4);
    expect(first.rows.map((r) => r.resource_id)).toEqual(["i-02", "i-03"]);
    const second = await listCoverageResources(allScope, { ...filter("reason=UNMANAGED_EC2_INSTANCE"), limit: 2, after: first.next! });
    expect(second.rows.map((r) => r.resource_id)).toEqual(["i-04", "i-b"]);
    expect(second.next).toBeNull();
    expect((await listCoverageResources({ accountIds: [B] }, filter("reason=UNMANAGED_EC2_INSTANCE"))).rows.map((r) => r.account_id)).toEqual([B]);
    expect((await listCoverageResources(allScope, filter(`account=${A}&scanType=LAMBDA`))).rows.map((r) => r.scan_status_reason)).toEqual(["UNSUPPORTED_RUNTIME"]);
  });

  it("report invalid resource filters by field", () => {
    const { issues, filter: f } = parseCoverageResourcesFilter(new URLSearchParams("reason=bad reason&account=12&scanType=EC2"));
    expect(issues.map((i) => i.field)).toEqual(["reason", "account"]);
    expect(f.scanType).toBe("EC2");
  });
});
