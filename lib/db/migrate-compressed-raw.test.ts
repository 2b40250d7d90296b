// The findings' raw JSON is TOAST-compressed after findings_compressed_raw: lz4 on PostgreSQL 15,
// pglz on PGlite (built without lz4). Rows cached before it keep their exact text, also once
// VACUUM FULL has rewritten (and compressed) them.
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { setupDatabaseMigratedThrough } from "./migrations-before";

const MIGRATION = "20261201064500_findings_compressed_raw";
const method = process.env.TEST_DATABASE_URL ? "lz4" : "pglz";

const rawOf = (arn: string, size: number) => JSON.stringify({
  findingArn: arn, title: "Ünïcödé – \"quoted\" \\ back\\slash \u2028", description: "x\ty\nz",
  resources: Array.from({ length: size }, (_, i) => ({ type: "AWS_EC2_INSTANCE", id: `i-0${i.toString(16).padStart(16, "0")}`, tags: { env: "prod", team: "payments" } })),
});
const raws = { small: rawOf("small", 1), medium: rawOf("medium", 30), large: rawOf("large", 400) };

const insert = (client: pg.Client, arn: string, raw: string) => client.query(
  `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id,
     first_observed_at, last_observed_at, updated_at, raw)
   VALUES ($1, '111122223333', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH', 'ACTIVE', 'CVE-1', 'AWS_EC2_INSTANCE', 'r', now(), now(), now(), $2)`,
  [arn, raw]);

const database = setupDatabaseMigratedThrough(MIGRATION, async (client) => {
  for (const [arn, raw] of Object.entries(raws)) await insert(client, arn, raw);
});

const stored = async () => Object.fromEntries((await database().query("SELECT arn, raw FROM findings ORDER BY arn")).rows.map((r) => [r.arn, r.raw]));

describe("findings compressed raw migration", () => {
  it("sets the raw column's compression and storage, and drops the inline-rows target", async () => {
    const { rows: [col] } = await database().query(
      "SELECT attcompression, attstorage FROM pg_attribute WHERE attrelid = 'findings'::regclass AND attname = 'raw'");
    expect(col).toEqual({ attcompression: method === "lz4" ? "l" : "p", attstorage: "x" });
    const { rows: [rel] } = await database().query("SELECT reloptions FROM pg_class WHERE oid = 'findings'::regclass");
    expect(rel.reloptions ?? []).not.toContainEqual(expect.stringMatching(/^toast_tuple_target=/));
  });

  it("keeps existing raw JSON byte for byte, before and after a rewrite", async () => {
    expect(await stored()).toEqual(raws);
    await database().query("VACUUM FULL findings");
    expect(await stored()).toEqual(raws);
  });

  it("compresses a large raw JSON with the column's method", async () => {
    await insert(database(), "new-large", rawOf("new-large", 400));
    const { rows: [r] } = await database().query(
      "SELECT pg_column_compression(raw) AS method, pg_column_size(raw) < octet_length(raw) / 2 AS smaller FROM findings WHERE arn = 'new-large'");
    expect(r).toEqual({ method, smaller: true });
    // ~3 KB: kept inline and uncompressed before the migration, compressed by VACUUM FULL above.
    const { rows: [old] } = await database().query("SELECT pg_column_compression(raw) AS method FROM findings WHERE arn = 'medium'");
    expect(old.method).toBe(method);
  });
});
