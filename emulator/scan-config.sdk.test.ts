import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BatchGetAccountStatusCommand, DescribeOrganizationConfigurationCommand, ListCisScanResultsAggregatedByChecksCommand, ListCisScansCommand,
  ListUsageTotalsCommand, ResourceNotFoundException, ValidationException, paginateListCisScanResultsAggregatedByChecks, paginateListUsageTotals,
} from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorHandle } from "./server";
import { inspector, TEST_NOW } from "./test-support";

// Scan configuration, per-type account state and usage totals through the real SDK.
let h: EmulatorHandle;
beforeAll(async () => { h = await startEmulator({ seed: 3, accounts: 12, findings: 1200, regions: ["us-east-1", "eu-west-1"], now: TEST_NOW }); });
afterAll(() => h.close());

describe("scan configuration", () => {
  it("auto-enables Lambda code in the first region only and code repositories nowhere (the demo's gap)", async () => {
    const east = await inspector(h, "us-east-1").send(new DescribeOrganizationConfigurationCommand({}));
    const west = await inspector(h, "eu-west-1").send(new DescribeOrganizationConfigurationCommand({}));
    expect(east.autoEnable).toEqual({ ec2: true, ecr: true, lambda: true, lambdaCode: true, codeRepository: false });
    expect(west.autoEnable?.lambdaCode).toBe(false);
    expect(west.maxAccountLimitReached).toBe(false);
  });

  it("one member has ECR suspended while Inspector runs; code repository state is reported", async () => {
    const states = [];
    for (const region of ["us-east-1", "eu-west-1"]) {
      const r = await inspector(h, region).send(new BatchGetAccountStatusCommand({ accountIds: h.accountIds().slice(0, 100) }));
      states.push(...(r.accounts ?? []));
    }
    const suspended = states.filter((a) => a.state?.status === "ENABLED" && a.resourceState?.ecr?.status === "SUSPENDED");
    expect(suspended).toHaveLength(1);
    expect(states.every((a) => a.resourceState?.codeRepository?.status)).toBe(true);
  });
});

describe("ListUsageTotals", () => {
  it("pages every account's usage with a cost in USD, and filters by account", async () => {
    const c = inspector(h);
    const all = [];
    for await (const page of paginateListUsageTotals({ client: c, pageSize: 3 }, {})) all.push(...(page.totals ?? []));
    expect(all.length).toBeGreaterThan(5);
    expect(new Set(all.map((t) => t.accountId)).size).toBe(all.length);
    const u = all.flatMap((t) => t.usage ?? []);
    expect(u.every((x) => x.currency === "USD" && typeof x.estimatedMonthlyCost === "number" && x.total! > 0)).toBe(true);
    expect(new Set(u.map((x) => x.type))).toContain("EC2_INSTANCE_HOURS");
    const one = await c.send(new ListUsageTotalsCommand({ accountIds: [all[0].accountId!] }));
    expect(one.totals).toEqual([all[0]]);
  });

  it("rejects maxResults over 500 and an empty account list like AWS", async () => {
    await expect(inspector(h).send(new ListUsageTotalsCommand({ maxResults: 501 }))).rejects.toBeInstanceOf(ValidationException);
    await expect(inspector(h).send(new ListUsageTotalsCommand({ accountIds: [] }))).rejects.toBeInstanceOf(ValidationException);
  });
});

describe("CIS scans", () => {
  it("lists the newest scans first with their targets and failed-check counts", async () => {
    const r = await inspector(h).send(new ListCisScansCommand({ detailLevel: "ORGANIZATION", sortBy: "SCAN_START_DATE", sortOrder: "DESC" }));
    expect(r.scans).toHaveLength(2);
    const [latest, older] = r.scans!;
    expect(latest.scanDate!.getTime()).toBeGreaterThan(older.scanDate!.getTime());
    expect(latest).toMatchObject({ status: "COMPLETED", securityLevel: "LEVEL_1", scanName: "weekly-cis-level1" });
    expect(latest.targets?.accountIds?.length).toBeGreaterThan(3);
    const checks = [];
    for await (const p of paginateListCisScanResultsAggregatedByChecks({ client: inspector(h), pageSize: 7 }, { scanArn: latest.scanArn })) checks.push(...(p.checkAggregations ?? []));
    expect(checks).toHaveLength(latest.totalChecks!);
    expect(checks.filter((c) => c.statusCounts!.failed! > 0).length).toBe(latest.failedChecks);
    expect(new Set(checks.map((c) => c.accountId))).toEqual(new Set(latest.targets!.accountIds));
  });

  it("answers an unknown scan with ResourceNotFound and a bad enum with ValidationException", async () => {
    await expect(inspector(h).send(new ListCisScanResultsAggregatedByChecksCommand({ scanArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/cis-scan/nope" })))
      .rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(inspector(h).send(new ListCisScansCommand({ sortBy: "NEWEST" as never }))).rejects.toBeInstanceOf(ValidationException);
  });
});
