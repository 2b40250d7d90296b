// Every modelled column goes through the batch's JSON document (upsert-findings-sql.ts) and comes back
// as it was written, whatever text, numbers, arrays or tags Inspector sends: quotes, backslashes,
// control characters, text beyond the Basic Multilingual Plane, scores down to the last bit. A NUL,
// which PostgreSQL's text cannot hold, comes back as U+FFFD, and the raw JSON keeps it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { ecrFinding } from "../map/fixtures";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { upsertFindings } from "./finding-writer";
import { joinRawFinding } from "@/lib/domain/raw-finding-parts";
import { FINDINGS_WITH_RAW_PARTS_SQL } from "@/lib/queries/findings/raw-parts-join";

const text = fc.string({ unit: "binary", maxLength: 40 });
const stored = (s: string) => s.replaceAll("\0", "\ufffd");
const storedTags = (tags: Record<string, string>) => Object.fromEntries(Object.entries(tags).map(([k, v]) => [stored(k), stored(v)]));
const score = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }), { nil: null });
const time = fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2099, 0, 1) }).map((ms) => new Date(ms));
const columns = fc.record({
  title: text, type: text, resourceName: fc.option(text, { nil: null }), resourceId: text.filter((s) => s.length > 0),
  resourceTags: fc.dictionary(text, text, { maxKeys: 4 }), packageNames: fc.array(text, { maxLength: 3 }),
  relatedVulnerabilities: fc.array(text, { maxLength: 3 }), vulnerabilityId: fc.option(text, { nil: null }),
  inspectorScore: score(10), cvssScore: score(10), epssScore: score(1), inUseCount: fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { nil: null }),
  firstObservedAt: time, lastObservedAt: time, updatedAt: time, lastInUseAt: fc.option(time, { nil: null }),
});

let next = 0;
function rowWith(c: Partial<FindingRow>): FindingRow {
  const arn = `arn:aws:inspector2:us-east-1:111122223333:finding/${String(++next).padStart(32, "0")}`;
  const r = toFindingRow(ecrFinding({ findingArn: arn }), "us-east-1");
  if (!r.ok) throw new Error(r.error);
  return { ...r.row, ...c };
}

describe("upsertFindings: modelled columns", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());

  it("stores each column as it was given, for any text, score, array or tags", async () => {
    await fc.assert(fc.asyncProperty(fc.array(columns, { minLength: 1, maxLength: 4 }), async (batch) => {
      const rows = batch.map(rowWith);
      await upsertFindings(t.pool, rows, { runId: null, syncedAt: new Date("2024-09-06T00:00:00Z") });
      const read = await t.pool.query(
        `SELECT arn, title, type, resource_name, resource_id, resource_tags, package_names, related_vulnerabilities, vulnerability_id,
           inspector_score, cvss_score, epss_score, in_use_count, first_observed_at, last_observed_at, updated_at, last_in_use_at
         FROM findings WHERE arn = ANY($1::text[]) ORDER BY arn`, [rows.map((r) => r.arn)]);
      const maybe = (s: string | null) => (s === null ? null : stored(s));
      expect(read.rows).toEqual(rows.map((r) => ({
        arn: r.arn, title: stored(r.title), type: stored(r.type), resource_name: maybe(r.resourceName), resource_id: stored(r.resourceId),
        resource_tags: storedTags(r.resourceTags as Record<string, string>), package_names: r.packageNames.map(stored),
        related_vulnerabilities: r.relatedVulnerabilities.map(stored), vulnerability_id: maybe(r.vulnerabilityId),
        inspector_score: r.inspectorScore, cvss_score: r.cvssScore, epss_score: r.epssScore, in_use_count: r.inUseCount,
        first_observed_at: r.firstObservedAt, last_observed_at: r.lastObservedAt, updated_at: r.updatedAt, last_in_use_at: r.lastInUseAt,
      })));
    }), { numRuns: 60 });
  });

  it("keeps a NUL in the raw JSON as Inspector sent it, and refuses an ARN holding one by name", async () => {
    const arn = "arn:aws:inspector2:us-east-1:111122223333:finding/" + "a".repeat(31) + "n";
    const mapped = toFindingRow(ecrFinding({ findingArn: arn, title: "tar\0 path", description: "before\0after" }), "us-east-1");
    if (!mapped.ok) throw new Error(mapped.error);
    expect(await upsertFindings(t.pool, [mapped.row], { runId: null, syncedAt: new Date() })).toMatchObject({ inserted: 1 });
    const row = (await t.pool.query(
      `${FINDINGS_WITH_RAW_PARTS_SQL} WHERE arn = $1`, [arn])).rows[0];
    expect(row.title).toBe("tar\ufffd path");
    const raw = joinRawFinding(row);
    expect([raw.title, raw.description]).toEqual(["tar\0 path", "before\0after"]);
    expect(toFindingRow(ecrFinding({ findingArn: `${arn}\0` }), "us-east-1")).toEqual({ ok: false, arn: `${arn}\0`, error: "findingArn: expected text without a NUL character" });
  });
});
