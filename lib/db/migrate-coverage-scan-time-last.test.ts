// covered_resources rebuilt with the scan time and synced_at last: the rows come through unchanged,
// and moving a resource's scan time (what a daily re-listing does to most of them) is logged as a
// few bytes instead of the resource's name and metadata (measured in WAL bytes before and after).
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { setupDatabaseMigratedThrough } from "./migrations-before";
import { walByRelation } from "@/lib/sync/bench/wal-by-relation";

const MIGRATION = "20261202133000_covered_resources_scan_time_last";
const RESOURCES = 400;
/** Measured moves after the first: each moves every scan time by a second. */
const WINDOWS = 8;
const moved = (iso: string) => new Date(Date.parse(iso) + (1 + WINDOWS) * 1000);
// ~1 KB of metadata per row, inline (below the TOAST threshold), as an image's tags and digests can be.
const metadata = (i: number) => JSON.stringify({ ecrImage: { repositoryName: `repo-${i}`, tags: Array.from({ length: 40 }, (_, t) => `release-2026.${t}.${i}`) } });

/** A move's own heap records for covered_resources: each HOT update's bytes and how many there were,
 *  leaving out records that carry a page image (the first change to a page after a checkpoint: its
 *  record holds the image instead of the row's bytes, ~72 B without it. "before" once read 72 B in
 *  CI, most likely windows whose every record carried an image after checkpoints that other tests
 *  brought on). pg_walinspect (a superuser, as in CI) reads them; null where it cannot be had.
 *  A HOT update keeps the row on its page, where PostgreSQL logs only the bytes between the row's
 *  unchanged prefix and suffix: what the column order decides. An update whose page had no room left
 *  (its dead versions not yet prunable while another session's snapshot held them: a busy suite on one
 *  server) moves the row and logs it whole, whatever the column order; those are left out. */
async function hotUpdateBytes(client: pg.Client, from: string, to: string): Promise<{ bytes: number; records: number } | null> {
  if (!(await walByRelation(client, from, to, 1, true))) return null; // pg_walinspect unavailable
  const { rows: [r] } = await client.query(
    `SELECT coalesce(sum(record_length - fpi_length), 0)::float8 AS bytes, count(*)::int AS records
     FROM pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn)
     WHERE resource_manager = 'Heap' AND record_type = 'HOT_UPDATE' AND fpi_length = 0
       AND substring(block_ref from 'rel \\d+/\\d+/(\\d+)')::oid = pg_relation_filenode('covered_resources')`,
    [from, to]);
  return r;
}

/** WAL bytes per row of moving every resource's scan time by a second: the least of eight moves after
 *  a first one (which pays the page images). With pg_walinspect, bytes per HOT update record of this
 *  table (hotUpdateBytes); without it, the server's WAL position, where other tests' writes and a
 *  checkpoint they bring on land in a move's window too. They only ever add bytes, so the least window
 *  is still an upper bound of the move's own WAL. Counting the table's whole records in CI once gave
 *  450 B a row: rows moved to other pages, logged whole. */
async function walPerScanTimeUpdate(client: pg.Client): Promise<number> {
  const move = "UPDATE covered_resources SET last_scanned_at = last_scanned_at + interval '1 second', synced_at = synced_at + interval '1 second' WHERE resource_id LIKE 'i-%'";
  await client.query(move);
  let least = Infinity;
  for (let i = 0; i < WINDOWS; i++) {
    const { rows: [from] } = await client.query("SELECT pg_current_wal_lsn()::text AS lsn");
    await client.query(move);
    const { rows: [to] } = await client.query("SELECT pg_current_wal_lsn()::text AS lsn, pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::float8 AS n", [from.lsn]);
    const hot = await hotUpdateBytes(client, from.lsn, to.lsn);
    if (hot && hot.records > 0) least = Math.min(least, hot.bytes / hot.records);
    else if (!hot) least = Math.min(least, to.n / RESOURCES);
  }
  return least;
}

let before = 0;
const database = setupDatabaseMigratedThrough(MIGRATION, async (client) => {
  await client.query(
    `INSERT INTO covered_resources (account_id, region, resource_type, resource_id, scan_type, scan_status_code, scan_status_reason,
       scan_mode, last_scanned_at, inactive_since, resource_name, metadata, synced_at)
     SELECT '111122223333', 'us-east-1', 'AWS_EC2_INSTANCE', 'i-' || g, 'PACKAGE', 'ACTIVE', 'SUCCESSFUL', 'EC2_SSM_AGENT_BASED',
       '2026-11-30T10:00:00Z'::timestamptz + g * interval '1 minute', NULL, 'web-' || g, m.doc::jsonb, '2026-11-30T12:00:00Z'
     FROM generate_series(1, ${RESOURCES}) g, LATERAL (SELECT $1::jsonb || jsonb_build_object('n', g) AS doc) m`,
    [metadata(0)],
  );
  await client.query(
    `INSERT INTO covered_resources (account_id, region, resource_type, resource_id, scan_type, scan_status_code, scan_status_reason,
       scan_mode, last_scanned_at, inactive_since, resource_name, metadata, synced_at)
     VALUES ('444455556666', 'eu-west-1', 'AWS_LAMBDA_FUNCTION', 'fn', 'CODE', 'INACTIVE', 'STALE_INVENTORY', NULL, NULL,
       '2026-11-20T00:00:00Z', NULL, '{}', '2026-11-21T00:00:00Z')`,
  );
  before = await walPerScanTimeUpdate(client);
});

describe("covered_resources with the scan time last", () => {
  it("keeps every row and column value, the keys, indexes and the page fill", async () => {
    const client = database();
    const { rows } = await client.query(
      `SELECT resource_id, account_id, scan_type, scan_status_code, scan_status_reason, scan_mode, last_scanned_at, inactive_since,
         resource_name, metadata->>'n' AS n, jsonb_array_length(metadata->'ecrImage'->'tags') AS tags, synced_at
       FROM covered_resources WHERE resource_id IN ('i-1', 'i-400', 'fn') ORDER BY resource_id`);
    expect(rows).toEqual([
      { resource_id: "fn", account_id: "444455556666", scan_type: "CODE", scan_status_code: "INACTIVE", scan_status_reason: "STALE_INVENTORY",
        scan_mode: null, last_scanned_at: null, inactive_since: new Date("2026-11-20T00:00:00Z"), resource_name: null, n: null, tags: null,
        synced_at: new Date("2026-11-21T00:00:00Z") },
      { resource_id: "i-1", account_id: "111122223333", scan_type: "PACKAGE", scan_status_code: "ACTIVE", scan_status_reason: "SUCCESSFUL",
        scan_mode: "EC2_SSM_AGENT_BASED", last_scanned_at: moved("2026-11-30T10:01:00Z"), inactive_since: null, resource_name: "web-1",
        n: "1", tags: 40, synced_at: moved("2026-11-30T12:00:00Z") },
      { resource_id: "i-400", account_id: "111122223333", scan_type: "PACKAGE", scan_status_code: "ACTIVE", scan_status_reason: "SUCCESSFUL",
        scan_mode: "EC2_SSM_AGENT_BASED", last_scanned_at: moved("2026-11-30T16:40:00Z"), inactive_since: null, resource_name: "web-400",
        n: "400", tags: 40, synced_at: moved("2026-11-30T12:00:00Z") },
    ]);
    expect((await client.query("SELECT count(*)::int AS n FROM covered_resources")).rows[0].n).toBe(RESOURCES + 1);
    const { rows: columns } = await client.query(
      "SELECT attname FROM pg_attribute WHERE attrelid = 'covered_resources'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum DESC LIMIT 2");
    expect(columns.map((c) => c.attname)).toEqual(["synced_at", "last_scanned_at"]);
    const { rows: [rel] } = await client.query("SELECT reloptions FROM pg_class WHERE oid = 'covered_resources'::regclass");
    expect(rel.reloptions).toEqual(["fillfactor=50"]);
    const { rows: indexes } = await client.query("SELECT indexname FROM pg_indexes WHERE tablename = 'covered_resources' ORDER BY indexname");
    expect(indexes.map((i) => i.indexname)).toEqual([
      "covered_resources_account_id_resource_type_scan_status_code_idx",
      "covered_resources_pkey",
      "covered_resources_scan_status_code_scan_status_reason_idx",
    ]);
    await expect(client.query(
      `INSERT INTO covered_resources (account_id, region, resource_type, resource_id, scan_type, scan_status_code)
       VALUES ('111122223333', 'us-east-1', 'AWS_EC2_INSTANCE', 'i-1', 'PACKAGE', 'ACTIVE')`)).rejects.toThrow(/covered_resources_pkey/);
  });

  it("logs a moved scan time as a few bytes, not the metadata the old column order put between it and the row end", async () => {
    const after = await walPerScanTimeUpdate(database());
    expect(before).toBeGreaterThan(800); // the metadata was logged with each move (1,025 B measured)
    expect(after).toBeLessThan(200); // 89 B measured
  });
});
