import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { applyMigrations } from "./migrations";
import { compactFindingsKey, deferFindingIndexesIfEmpty, restoreDeferredIndexes } from "./deferred-indexes";

describe("deferred findings indexes (first-load bulk mode)", () => {
  let t: TestDatabase;
  let schemaIndexes: string[];
  const indexes = async () =>
    (await t.pool.query<{ d: string }>("SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'findings' ORDER BY indexname")).rows.map((r) => r.d);
  const deferred = async () => (await t.pool.query("SELECT name FROM deferred_indexes ORDER BY name")).rows.map((r) => r.name);

  beforeAll(async () => {
    t = await createTestDatabase();
    schemaIndexes = await indexes();
  });
  afterAll(async () => t?.close());

  it("drops every secondary index of an empty findings table, keeping the definitions, and rebuilds them identically", async () => {
    expect(schemaIndexes.length).toBeGreaterThan(5);
    const n = await deferFindingIndexesIfEmpty(t.pool);
    expect(n).toBe(schemaIndexes.length - 1);
    expect(await indexes()).toEqual([expect.stringContaining("findings_pkey")]);
    expect(await deferred()).toHaveLength(n);
    expect(await restoreDeferredIndexes(t.pool)).toBe(n);
    expect(await indexes()).toEqual(schemaIndexes);
    expect(await deferred()).toEqual([]);
    expect(await restoreDeferredIndexes(t.pool)).toBe(0);
  });

  it("leaves a table that holds rows alone", async () => {
    await t.pool.query(
      `INSERT INTO findings (arn, account_id, region, type, title, severity, status, resource_type, resource_id, finding_key, first_observed_at, last_observed_at, updated_at, raw)
       VALUES ('arn:x', '111122223333', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH', 'ACTIVE', 'AWS_EC2_INSTANCE', 'i-1', 'CVE-1', now(), now(), now(), '{}')`,
    );
    expect(await deferFindingIndexesIfEmpty(t.pool)).toBe(0);
    expect(await indexes()).toEqual(schemaIndexes);
    await t.pool.query("DELETE FROM findings");
  });

  it("a load killed before the rebuild is repaired by the next start-up's migration step", async () => {
    await deferFindingIndexesIfEmpty(t.pool);
    expect(await indexes()).toHaveLength(1);
    await applyMigrations(t.url);
    expect(await indexes()).toEqual(schemaIndexes);
    expect(await deferred()).toEqual([]);
  });

  it("rebuilds the primary key of loaded rows denser than their unordered inserts left it, and still unique", async () => {
    const key = async () => (await t.pool.query<{ pages: number; oid: number }>(
      "SELECT (pg_relation_size('findings_pkey') / 8192)::int AS pages, 'findings_pkey'::regclass::oid AS oid")).rows[0];
    // 3,000 ARNs inserted in the order of their hash, as a listing hands them over.
    await t.pool.query(
      `INSERT INTO findings (arn, account_id, region, type, title, severity, status, resource_type, resource_id, finding_key, first_observed_at, last_observed_at, updated_at, raw)
       SELECT 'arn:aws:inspector2:us-east-1:111122223333:finding/' || md5(g::text), '111122223333', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH',
         'ACTIVE', 'AWS_EC2_INSTANCE', 'i-1', 'CVE-1', now(), now(), now(), '{}' FROM generate_series(1, 3000) g ORDER BY md5(md5(g::text))`);
    const before = await key();
    await compactFindingsKey(t.pool);
    const after = await key();
    expect(after.oid).not.toBe(before.oid);
    expect(after.pages).toBeLessThan(before.pages * 0.85);
    expect(await indexes()).toEqual(schemaIndexes);
    await expect(t.pool.query("INSERT INTO findings (arn, account_id, region, type, title, severity, status, resource_type, resource_id, finding_key, first_observed_at, last_observed_at, updated_at, raw) SELECT arn, account_id, region, type, title, severity, status, resource_type, resource_id, finding_key, first_observed_at, last_observed_at, updated_at, raw FROM findings LIMIT 1"))
      .rejects.toThrow(/findings_pkey/);
    await t.pool.query("DELETE FROM findings");
  });
});
