import { afterEach, describe, expect, it } from "vitest";
import { startSyncWorld, type SyncWorld } from "../test-support";
import { createTestDatabase } from "@/lib/db/test-database";
import { syncRegionExtras } from "./region-extras";
import type { SyncContext } from "../context";

// Scan configuration, account state and usage through the real SDK against the emulator.
let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});
const q = async (sql: string, params: unknown[] = []) => (await w!.database.pool.query(sql, params)).rows;

describe("scan configuration and usage sync", () => {
  it("stores auto-enable per region, each scan type's state, usage with cost, and a reason Inspector adds later", async () => {
    w = await startSyncWorld({ accounts: 12, findings: 800, quirks: { futureScanReason: "QUANTUM_FLUX_DETECTED" } });
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    expect(await q("SELECT region, auto_enable_ec2, auto_enable_lambda_code, auto_enable_code_repository, error FROM region_configs ORDER BY region")).toEqual([
      { region: "eu-west-1", auto_enable_ec2: true, auto_enable_lambda_code: false, auto_enable_code_repository: false, error: null },
      { region: "us-east-1", auto_enable_ec2: true, auto_enable_lambda_code: true, auto_enable_code_repository: false, error: null },
    ]);
    const suspended = await q("SELECT account_id FROM account_regions WHERE inspector_status = 'ENABLED' AND ecr_status = 'SUSPENDED'");
    expect(suspended).toHaveLength(1);
    expect((await q("SELECT DISTINCT code_repository_status AS s FROM account_regions WHERE inspector_status = 'ENABLED'")).map((x) => x.s)).toEqual(["DISABLED"]);
    const usage = await q("SELECT account_id, usage_type, total, estimated_monthly_cost, currency FROM usage_totals WHERE region = 'us-east-1'");
    expect(usage.length).toBeGreaterThan(5);
    expect(usage.every((u) => u.currency === "USD" && u.estimated_monthly_cost > 0)).toBe(true);
    const reasons = (await q("SELECT DISTINCT scan_status_reason AS r, scan_status_code AS c FROM covered_resources WHERE scan_status_reason = 'QUANTUM_FLUX_DETECTED'"));
    expect(reasons).toEqual([{ r: "QUANTUM_FLUX_DETECTED", c: "INACTIVE" }]);
    const cis = await q("SELECT region, scan_name, status, failed_checks FROM cis_scans ORDER BY region, scan_date DESC");
    expect(cis).toHaveLength(4);
    expect(cis[0]).toMatchObject({ region: "eu-west-1", scan_name: "weekly-cis-level1", status: "COMPLETED" });
    const checks = await q("SELECT count(DISTINCT scan_arn)::int AS scans, count(*) FILTER (WHERE failed > 0)::int AS failed FROM cis_check_results");
    expect(checks[0].scans).toBe(2); // the latest scan of each region only
    expect(checks[0].failed).toBeGreaterThan(0);
  }, 120_000);

  it("a read that fails is a note and a stored error, never a failed run", async () => {
    const database = await createTestDatabase();
    try {
      const notes: SyncContext["notes"] = [];
      const denied = { send: async () => { throw Object.assign(new Error("User is not authorized"), { name: "AccessDeniedException" }); } };
      const ctx = { pool: database.pool, aws: { inspector: () => denied }, config: { regions: ["us-east-1"] }, now: () => new Date("2026-11-30T00:00:00Z"), notes } as unknown as SyncContext;
      await syncRegionExtras(ctx);
      expect(notes.map((n) => [n.message, n.error])).toEqual([
        ["auto-enable settings (DescribeOrganizationConfiguration) not read", "User is not authorized"],
        ["usage and cost (ListUsageTotals) not read", "User is not authorized"],
        ["code security set-up (ListCodeSecurityIntegrations, …ScanConfigurations) not read", "User is not authorized"],
        ["CIS benchmark scans (ListCisScans) not read", "User is not authorized"],
      ]);
      const { rows } = await database.pool.query("SELECT region, auto_enable_ec2, error FROM region_configs");
      expect(rows).toEqual([{ region: "us-east-1", auto_enable_ec2: null, error: "User is not authorized" }]);
    } finally {
      await database.close();
    }
  });
});
