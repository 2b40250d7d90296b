// A first load writes its batches by a plain insert (INSERT_NEW_FINDINGS_SQL) instead of the upsert.
// Whatever the batches hold (statuses, exploits with and without Inspector's time, several
// resources, images coverage lists, parts shared across findings, a finding listed twice in two
// versions), the cache it leaves is the one the upsert leaves: every table, row for row, rollups
// included. A batch holding a finding the cache already has falls back to the upsert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Finding } from "@aws-sdk/client-inspector2";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { ecrFinding } from "../map/fixtures";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { insertNewFindings, upsertFindings } from "./finding-writer";
import { replaceCoverage } from "./coverage-writer";

const syncedAt = new Date("2024-09-06T00:00:00Z");
const coveredImage = "arn:aws:ecr:us-east-1:111122223333:repository/app/sha256:covered";

const instance = (id: string) => ({
  type: "AWS_EC2_INSTANCE" as const, id, partition: "aws", region: "us-east-1", tags: { env: id },
  details: { awsEc2Instance: { type: "t3.micro", imageId: "ami-1" } },
});
const resource = fc.oneof(
  fc.constantFrom(coveredImage, "arn:aws:ecr:us-east-1:111122223333:repository/app/sha256:other").map((id) => ({
    type: "AWS_ECR_CONTAINER_IMAGE" as const, id, partition: "aws", region: "us-east-1", tags: { team: "payments" },
    details: { awsEcrContainerImage: { repositoryName: "app", imageHash: `sha256:${id.slice(-5)}`, registry: "111122223333" } },
  })),
  fc.constantFrom("i-0a", "i-0b").map((id) => instance(id)),
);

const finding = fc.record({
  n: fc.integer({ min: 1, max: 12 }), // few numbers, so batches repeat findings
  account: fc.constantFrom("111122223333", "444455556666"),
  status: fc.constantFrom("ACTIVE", "CLOSED", "SUPPRESSED"),
  severity: fc.constantFrom("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNTRIAGED"),
  exploit: fc.constantFrom("YES", "NO", undefined),
  knownExploitAt: fc.option(fc.constantFrom("2024-08-01T00:00:00Z", "2024-08-20T00:00:00Z"), { nil: undefined }),
  cve: fc.constantFrom("CVE-2024-6119", "CVE-2024-0001", "CVE-2023-9999"),
  version: fc.integer({ min: 0, max: 2 }), // updatedAt: a finding listed twice may come in another version
  resources: fc.array(resource, { minLength: 1, maxLength: 3 }),
  score: fc.option(fc.constantFrom(9.8, 7.5, 5.9, 0), { nil: undefined }),
});
type Generated = typeof finding extends fc.Arbitrary<infer T> ? T : never;

function rowOf(prefix: string, g: Generated): FindingRow {
  const over: Partial<Finding> = {
    findingArn: `arn:aws:inspector2:us-east-1:${g.account}:finding/${prefix}${String(g.n).padStart(8, "0")}`,
    awsAccountId: g.account, status: g.status, severity: g.severity, exploitAvailable: g.exploit, inspectorScore: g.score,
    updatedAt: new Date(Date.UTC(2024, 8, 5 + g.version)),
    exploitabilityDetails: g.knownExploitAt ? { lastKnownExploitAt: new Date(g.knownExploitAt) } : undefined,
    resources: g.resources,
    title: `${g.cve} - openssl`,
  };
  const base = ecrFinding(over);
  base.packageVulnerabilityDetails = { ...base.packageVulnerabilityDetails!, vulnerabilityId: g.cve };
  const r = toFindingRow(base, "us-east-1");
  if (!r.ok) throw new Error(r.error);
  return r.row;
}

/** Every table's rows, as sorted JSON lines. Left out: serial ids (a rolled-back insert uses them
 *  up), times the database stamps (now()), and key_rollups_generation, a count of statements on the
 *  key rollups whose value means nothing but that it moved (scope-key-rollups.ts). */
async function dump(t: TestDatabase): Promise<Record<string, string[]>> {
  const { rows: columns } = await t.pool.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_prisma%' AND COALESCE(column_default, '') NOT LIKE 'nextval(%'
     AND COALESCE(column_default, '') NOT IN ('now()', 'CURRENT_TIMESTAMP') AND table_name <> 'key_rollups_generation'
     AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
     ORDER BY table_name, ordinal_position`);
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  const out: Record<string, string[]> = {};
  for (const [table, cols] of byTable) {
    // Names from the catalog, quoted.
    const { rows } = await t.pool.query(`SELECT ${cols.map((c) => `"${c}"`).join(", ")} FROM "${table}"`);
    if (rows.length) out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describe("a first load's insert", () => {
  let inserted: TestDatabase;
  let upserted: TestDatabase;
  beforeAll(async () => {
    [inserted, upserted] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    for (const t of [inserted, upserted]) {
      await replaceCoverage(t.pool, "us-east-1", [{
        accountId: "111122223333", region: "us-east-1", resourceType: "AWS_ECR_CONTAINER_IMAGE", resourceId: coveredImage, scanType: "PACKAGE",
        scanStatusCode: "ACTIVE", scanStatusReason: "SUCCESSFUL", scanMode: "SCAN_ON_PUSH", lastScannedAt: null, resourceName: "app",
        metadata: JSON.stringify({ ecrImage: { inUseCount: 2, lastInUseAt: 1767225600, imagePulledAt: 1767139200 } }),
      }], { accountIds: null }, new Date("2026-01-01T00:00:00Z"));
    }
  });
  afterAll(async () => {
    await inserted?.close();
    await upserted?.close();
  });

  it("leaves every table as the upsert does, for any batches of new findings", async () => {
    let run = 0;
    let fellBack = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.array(finding, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), async (batches) => {
      const prefix = `r${String(++run).padStart(3, "0")}`; // each run's findings are new to both caches
      for (const batch of batches) {
        const rows = batch.map((g) => rowOf(prefix, g));
        const { byInsert, ...a } = await insertNewFindings(inserted.pool, rows, { runId: null, syncedAt });
        expect(a).toEqual(await upsertFindings(upserted.pool, rows, { runId: null, syncedAt }));
        if (!byInsert) fellBack++; // a finding of an earlier batch: upserted
      }
      expect(await dump(inserted)).toEqual(await dump(upserted));
    }), { numRuns: 40 });
    expect(fellBack).toBeGreaterThan(0); // the generator did repeat findings across batches
  });

  it("falls back to the upsert for a batch holding a finding the cache has, and writes its newer version", async () => {
    const g: Generated = { n: 1, account: "111122223333", status: "ACTIVE", severity: "HIGH", exploit: "NO", knownExploitAt: undefined,
      cve: "CVE-2024-6119", version: 0, resources: [instance("i-0a")], score: 7.5 };
    expect(await insertNewFindings(inserted.pool, [rowOf("dup", g)], { runId: 7, syncedAt })).toEqual({ written: 1, changed: 1, inserted: 1, events: 0, byInsert: true });
    const newer = rowOf("dup", { ...g, status: "CLOSED", exploit: "YES", version: 1 });
    const fresh = rowOf("dup", { ...g, n: 2 });
    // Inserting the held one again would fail on the primary key: the batch is upserted instead, with its events.
    expect(await insertNewFindings(inserted.pool, [newer, fresh], { runId: 7, syncedAt })).toEqual({ written: 2, changed: 2, inserted: 1, events: 2, byInsert: false });
    const { rows } = await inserted.pool.query("SELECT status, exploit_available, closed_at FROM findings WHERE arn = $1", [newer.arn]);
    expect(rows).toEqual([{ status: "CLOSED", exploit_available: "YES", closed_at: newer.updatedAt }]);
  });
});
