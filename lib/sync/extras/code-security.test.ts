import { afterEach, describe, expect, it } from "vitest";
import { startSyncWorld, type SyncWorld } from "../test-support";

// Code repositories through the real SDK against the emulator's code security (quirk codeSecurity).
let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});
const q = async (sql: string, params: unknown[] = []) => (await w!.database.pool.query(sql, params)).rows;

describe("code security sync", () => {
  it("caches repository findings, their coverage and the scan set-up; Inspector's counts still agree", async () => {
    w = await startSyncWorld({ accounts: 8, findings: 600, quirks: { codeSecurity: true } });
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    for (const region of r.regions) {
      expect(region.integrity?.repaired, region.region).toEqual([]);
      expect([...(region.integrity?.results.values() ?? [])].every((x) => x.match), region.region).toBe(true);
    }
    // The resources member is the finding's shared resources part (lib/domain/raw-finding-parts.ts).
    const findings = await q(`SELECT f.type, count(*)::int AS n FROM findings f JOIN finding_raw_parts p ON p.id = f.raw_resources_part
      WHERE p.doc::jsonb->'resources'->0->>'type' = 'CODE_REPOSITORY' GROUP BY 1 ORDER BY 1`);
    expect(findings).toEqual([{ type: "CODE_VULNERABILITY", n: 4 }, { type: "PACKAGE_VULNERABILITY", n: 2 }]);
    const sast = await q("SELECT raw::jsonb->'codeVulnerabilityDetails'->'filePath' AS file FROM findings WHERE title = 'SQL injection'");
    expect(sast[0].file).toEqual({ fileName: "repository.py", filePath: "src/orders/repository.py", startLine: 42, endLine: 43 });
    const cov = await q("SELECT resource_name, scan_type, scan_status_code FROM covered_resources WHERE resource_type = 'CODE_REPOSITORY' ORDER BY 1");
    expect(cov.map((c) => c.resource_name)).toEqual(["acme-corp/infra-terraform", "acme-corp/payments-api", "acme-corp/payments-api"]);
    expect(await q("SELECT region, type, status FROM code_security_integrations")).toEqual([{ region: "us-east-1", type: "GITHUB", status: "ACTIVE" }]);
    const [cfg] = await q("SELECT name, rule_set_categories, cardinality(project_ids) AS projects FROM code_scan_configurations");
    expect(cfg).toEqual({ name: "default-weekly", rule_set_categories: ["SAST", "IAC", "SCA"], projects: 3 });
    const states = await q("SELECT DISTINCT code_repository_status AS s FROM account_regions WHERE inspector_status = 'ENABLED' ORDER BY 1");
    expect(states.map((s) => s.s)).toEqual(["DISABLED", "ENABLED"]);
  }, 120_000);
});
