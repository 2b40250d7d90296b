import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { toCoverageRow, type CoverageRow } from "../map/coverage-row";
import { addStagedCoverage, applyStagedCoverage, replaceCoverage, stageCoverage } from "./coverage-writer";

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

  it("keeps the newest scan of a resource listed twice, locks no unchanged row, and writes a moved scan time in place", async () => {
    const region = "ap-south-1";
    const scanned = (id: string, d: number) => ({ ...row("444444444444", id, "ACTIVE"), lastScannedAt: T(d) });
    // Listed twice while the data moved: the newer scan wins, whichever page came first.
    await replaceCoverage(t.pool, region, [scanned("i-dup", 3), scanned("i-dup", 1)], { accountIds: null }, T(9));
    expect((await t.pool.query("SELECT last_scanned_at FROM covered_resources WHERE region = $1", [region])).rows).toEqual([{ last_scanned_at: T(3) }]);
    // Enough rows to fill pages: a full page has no room for a row's new version.
    const ids = Array.from({ length: 300 }, (_, i) => `i-${String(i).padStart(4, "0")}-${"x".repeat(60)}`);
    await replaceCoverage(t.pool, region, [scanned("i-dup", 3), ...ids.map((id) => scanned(id, 10))], { accountIds: null }, T(10));
    const xmax = async () => (await t.pool.query("SELECT resource_id, xmax::text AS x FROM covered_resources WHERE region = $1 ORDER BY 1", [region])).rows;
    const before = await xmax();
    // The next day every scan time moved but the first resource's: one transaction, as the sync's.
    const client = await t.pool.connect();
    try {
      await client.query("BEGIN");
      await stageCoverage(client);
      await addStagedCoverage(client, [scanned("i-dup", 3), ...ids.map((id) => scanned(id, 11))]);
      expect(await applyStagedCoverage(client, region, { accountIds: null }, T(11))).toBe(300);
      const hot = (await client.query("SELECT pg_stat_get_xact_tuples_hot_updated('covered_resources'::regclass)::int AS n")).rows[0].n;
      await client.query("COMMIT");
      // Room on every page (fillfactor): each moved row is rewritten in place, no index entry added.
      expect(hot).toBe(300);
    } finally {
      client.release();
    }
    const after = await xmax();
    expect(after.find((r) => r.resource_id === "i-dup")).toEqual(before.find((r) => r.resource_id === "i-dup")); // not even locked
  });

  it("stores a listed resource whose name or metadata holds a NUL, with U+FFFD in its place", async () => {
    const listed = toCoverageRow({
      accountId: "444444444444", resourceId: "i-nul", resourceType: "AWS_EC2_INSTANCE", scanType: "PACKAGE",
      scanStatus: { statusCode: "ACTIVE", reason: "SUCCESSFUL" }, resourceMetadata: { ec2: { tags: { Name: "web\0one" }, platform: "LINUX" } },
    }, "ap-south-1")!;
    expect(await replaceCoverage(t.pool, "ap-south-1", [listed], { accountIds: null }, T(12))).toBe(1);
    const stored = (await t.pool.query("SELECT resource_name, metadata FROM covered_resources WHERE resource_id = 'i-nul'")).rows[0];
    expect(stored).toEqual({ resource_name: "web\ufffdone", metadata: { ec2: { tags: { Name: "web\ufffdone" }, platform: "LINUX" } } });
  });
});
