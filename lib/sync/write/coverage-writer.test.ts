import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import type { CoverageRow } from "../map/coverage-row";
import { replaceCoverage } from "./coverage-writer";

const row = (account: string, id: string, code: "ACTIVE" | "INACTIVE"): CoverageRow => ({
  accountId: account, region: "us-east-1", resourceType: "AWS_EC2_INSTANCE", resourceId: id, scanType: "PACKAGE",
  scanStatusCode: code, scanStatusReason: code === "ACTIVE" ? "SUCCESSFUL" : "NO_INVENTORY", scanMode: "EC2_SSM_AGENT_BASED",
  lastScannedAt: null, resourceName: id, metadata: "{}",
});
const T = (d: number) => new Date(Date.UTC(2026, 0, d));

describe("replaceCoverage", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());
  const state = async () =>
    (await t.pool.query("SELECT account_id, resource_id, scan_status_code, inactive_since FROM covered_resources ORDER BY resource_id")).rows;

  it("keeps inactiveSince while a resource stays inactive, clears it when scanned, drops vanished resources", async () => {
    await replaceCoverage(t.pool, "us-east-1", [row("111111111111", "i-a", "INACTIVE"), row("111111111111", "i-b", "ACTIVE")], { accountIds: null }, T(1));
    await replaceCoverage(t.pool, "us-east-1", [row("111111111111", "i-a", "INACTIVE"), row("111111111111", "i-b", "INACTIVE")], { accountIds: null }, T(2));
    expect((await state()).map((r) => [r.resource_id, r.inactive_since])).toEqual([["i-a", T(1)], ["i-b", T(2)]]);
    await replaceCoverage(t.pool, "us-east-1", [row("111111111111", "i-a", "ACTIVE")], { accountIds: null }, T(3));
    expect(await state()).toEqual([{ account_id: "111111111111", resource_id: "i-a", scan_status_code: "ACTIVE", inactive_since: null }]);
  });

  it("replaces only the listed accounts' rows when other accounts could not be listed", async () => {
    await replaceCoverage(t.pool, "us-east-1", [row("111111111111", "i-a", "ACTIVE"), row("222222222222", "i-z", "ACTIVE")], { accountIds: null }, T(4));
    await replaceCoverage(t.pool, "us-east-1", [], { accountIds: ["111111111111"] }, T(5));
    expect((await state()).map((r) => r.resource_id)).toEqual(["i-z"]);
  });

  it("rewrites only resources that changed: unchanged rows keep their synced_at", async () => {
    const rows = [row("333333333333", "i-p", "ACTIVE"), row("333333333333", "i-q", "ACTIVE")];
    expect(await replaceCoverage(t.pool, "eu-west-1", rows, { accountIds: null }, T(6))).toBe(2);
    expect(await replaceCoverage(t.pool, "eu-west-1", rows, { accountIds: null }, T(7))).toBe(0);
    expect(await replaceCoverage(t.pool, "eu-west-1", [rows[0], row("333333333333", "i-q", "INACTIVE")], { accountIds: null }, T(8))).toBe(1);
    const synced = (await t.pool.query("SELECT resource_id, synced_at FROM covered_resources WHERE region = 'eu-west-1' ORDER BY resource_id")).rows;
    expect(synced).toEqual([{ resource_id: "i-p", synced_at: T(6) }, { resource_id: "i-q", synced_at: T(8) }]);
  });
});
