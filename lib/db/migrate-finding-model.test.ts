// A cache built by the schema before the finding model migrates in place: keys, aliases, exploit
// tri-state, every resource and exception ids are filled from the rows and their raw JSON.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrations";
import { applyMigrationsBefore } from "./migrations-before";
import { createEmptyTestDatabase } from "./test-database";

const MIGRATION = "20261130182043_finding_model";
const t = 1_725_468_938;
const ecr = (n: number) => ({ type: "AWS_ECR_CONTAINER_IMAGE", id: `arn:aws:ecr:us-east-1:111122223333:repository/app${n}/sha256:${"a".repeat(64)}`,
  region: "us-east-1", tags: { team: "web" }, details: { awsEcrContainerImage: { repositoryName: `app${n}`, imageHash: `sha256:${"a".repeat(64)}`, registry: "111122223333" } } });
const raws: Record<string, object> = {
  pkg: { type: "PACKAGE_VULNERABILITY", exploitAvailable: "YES", exploitabilityDetails: { lastKnownExploitAt: t - 86_400 }, resources: [ecr(1), ecr(2)],
    packageVulnerabilityDetails: { vulnerabilityId: "CVE-2024-6119", relatedVulnerabilities: ["GHSA-abcd-efgh-ijkl", "ALAS-2024-1"] } },
  ghsa: { type: "PACKAGE_VULNERABILITY", exploitAvailable: "NO", resources: [ecr(3)], packageVulnerabilityDetails: { vulnerabilityId: "GHSA-wxyz-wxyz-wxyz" } },
  code: { type: "CODE_VULNERABILITY", resources: [{ type: "AWS_LAMBDA_FUNCTION", id: "arn:aws:lambda:us-east-1:111122223333:function:f:$LATEST" }],
    codeVulnerabilityDetails: { detectorId: "python/sql-injection@v1.0", ruleId: "python-sql-injection", cwes: ["CWE-89", "CWE-20"] } },
  net: { type: "NETWORK_REACHABILITY", resources: [{ type: "AWS_EC2_INSTANCE", id: "i-0abc" }],
    networkReachabilityDetails: { openPortRange: { begin: 22, end: 22 }, protocol: "TCP" } },
};

let db: Awaited<ReturnType<typeof createEmptyTestDatabase>>;
let client: pg.Client;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  await applyMigrationsBefore(db.url, MIGRATION);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  for (const [name, raw] of Object.entries(raws)) {
    const r = raw as { type: string; exploitAvailable?: string; packageVulnerabilityDetails?: { vulnerabilityId: string } };
    await client.query(
      `INSERT INTO findings (arn, account_id, region, type, title, severity, status, exploit_available, vulnerability_id,
         resource_type, resource_id, resource_name, first_observed_at, last_observed_at, updated_at, exploit_since, raw)
       VALUES ($1, '111122223333', 'us-east-1', $2, $3, 'HIGH', 'ACTIVE', $4, $5, 'AWS_ECR_CONTAINER_IMAGE', $6, 'primary', to_timestamp($7), to_timestamp($7), to_timestamp($7), $8, $9)`,
      [`arn:${name}`, r.type, `${name} title`, r.exploitAvailable === "YES", r.packageVulnerabilityDetails?.vulnerabilityId ?? null,
        `res-${name}`, t, r.exploitAvailable === "YES" ? new Date(t * 1000) : null, JSON.stringify(raw)]);
  }
  // Written while ids were upper-cased: a GHSA id could never match.
  await client.query(`INSERT INTO risk_exceptions (vulnerability_id, reason, owner, expires_at) VALUES ('GHSA-WXYZ-WXYZ-WXYZ', 'r', 'o', now()), ('CVE-2024-6119', 'r', 'o', now())`);
  expect(await applyMigrations(db.url)).toContain(MIGRATION);
}, 120_000);

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe("finding model migration on an existing cache", () => {
  it("fills keys for every type, aliases and exploit from the raw JSON", async () => {
    const { rows } = await client.query(`SELECT arn, finding_key, related_vulnerabilities, exploit_available, exploit_since, exploit_since_source FROM findings ORDER BY arn`);
    expect(rows.map((r) => [r.arn, r.finding_key, r.exploit_available, r.exploit_since_source])).toEqual([
      ["arn:code", "code:python/sql-injection@v1.0:CWE-20+CWE-89", null, null],
      ["arn:ghsa", "GHSA-wxyz-wxyz-wxyz", "NO", null],
      ["arn:net", "network:TCP:22-22", null, null],
      ["arn:pkg", "CVE-2024-6119", "YES", "LAST_KNOWN_EXPLOIT"],
    ]);
    const pkg = rows.find((r) => r.arn === "arn:pkg");
    expect(pkg.related_vulnerabilities).toEqual(["GHSA-abcd-efgh-ijkl", "ALAS-2024-1"]);
    expect(pkg.exploit_since.getTime()).toBe((t - 86_400) * 1000);
  });

  it("keeps the primary resource from the columns and adds the others from the raw JSON", async () => {
    const { rows } = await client.query(`SELECT finding_arn, position, resource_id, name, tags FROM finding_resources ORDER BY finding_arn, position`);
    expect(rows.map((r) => `${r.finding_arn}#${r.position}:${r.resource_id}`)).toEqual([
      "arn:code#0:res-code", "arn:ghsa#0:res-ghsa", "arn:net#0:res-net", "arn:pkg#0:res-pkg", `arn:pkg#1:${ecr(2).id}`,
    ]);
    expect(rows.at(-1)).toMatchObject({ name: "app2", tags: { team: "web" } });
  });

  it("restores exception ids to the spelling the cache knows and fills their aliases", async () => {
    const { rows } = await client.query(`SELECT vulnerability_id, aliases FROM risk_exceptions ORDER BY id`);
    expect(rows).toEqual([
      { vulnerability_id: "GHSA-wxyz-wxyz-wxyz", aliases: [] },
      { vulnerability_id: "CVE-2024-6119", aliases: ["ALAS-2024-1", "GHSA-abcd-efgh-ijkl"] },
    ]);
  });
});
