// Replaces one region's coverage (or some accounts' part of it) in a single transaction: pages are
// staged in a temporary table as they are listed (memory stays flat), and once the listing completed: stale rows go, new ones come, changed ones are updated (unchanged rows
// are not rewritten, so synced_at is when a row last changed), inactiveSince survives while a
// resource stays INACTIVE and is cleared when it is scanned again. Returns the rows written.
import type pg from "pg";
import { withTransaction } from "@/lib/db/transaction";
import type { CoverageRow } from "../map/coverage-row";
import { chunk } from "../util/map-limit";

type Client = Pick<pg.PoolClient, "query">;

/** The staging table, inside the caller's transaction (dropped at its end). */
export async function stageCoverage(client: Client): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE coverage_in (account_id text, resource_type text, resource_id text, scan_type text,
       scan_status_code text, scan_status_reason text, scan_mode text, last_scanned_at timestamptz, resource_name text, metadata jsonb)
     ON COMMIT DROP`,
  );
}

export async function addStagedCoverage(client: Client, rows: CoverageRow[]): Promise<void> {
  for (const part of chunk(rows, 2000)) {
    const col = <K extends keyof CoverageRow>(k: K) => part.map((r) => r[k]);
    await client.query(
      `INSERT INTO coverage_in SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::timestamptz[], $9::text[], $10::jsonb[])`,
      [col("accountId"), col("resourceType"), col("resourceId"), col("scanType"), col("scanStatusCode"), col("scanStatusReason"),
        col("scanMode"), col("lastScannedAt"), col("resourceName"), col("metadata")],
    );
  }
}

/** Accounts whose listing failed part-way: what they staged does not count. */
export async function dropStagedAccounts(client: Client, accountIds: string[]): Promise<void> {
  if (accountIds.length) await client.query("DELETE FROM coverage_in WHERE account_id = ANY($1::text[])", [accountIds]);
}

export async function replaceCoverage(
  pool: pg.Pool,
  region: string,
  rows: CoverageRow[],
  scope: { accountIds: string[] | null },
  at: Date,
): Promise<number> {
  return withTransaction(pool, async (client) => {
    await stageCoverage(client);
    await addStagedCoverage(client, rows);
    return applyStagedCoverage(client, region, scope, at);
  });
}

/** One row per resource and scan type as listed (a resource listed twice while the data moved: the newest scan). */
const LISTED = `SELECT DISTINCT ON (resource_id, scan_type) * FROM coverage_in ORDER BY resource_id, scan_type, last_scanned_at DESC NULLS LAST`;

export async function applyStagedCoverage(client: Client, region: string, scope: { accountIds: string[] | null }, at: Date): Promise<number> {
  await client.query(
    `DELETE FROM covered_resources c WHERE c.region = $1 AND ($2::text[] IS NULL OR c.account_id = ANY($2::text[]))
       AND NOT EXISTS (SELECT 1 FROM coverage_in i WHERE i.resource_id = c.resource_id AND i.scan_type = c.scan_type)`,
    [region, scope.accountIds],
  );
  // Changed rows by UPDATE, new ones by INSERT … DO NOTHING: an INSERT … ON CONFLICT DO UPDATE would
  // lock every row it meets first, changed or not (a WAL record each, half of a re-listing's WAL).
  // The table keeps room on each page (fillfactor, migration *_covered_resources_fillfactor), so
  // a row whose scan time moved is rewritten in place, without new index entries.
  const updated = await client.query(
    `UPDATE covered_resources c SET
       account_id = i.account_id, resource_type = i.resource_type, scan_status_code = i.scan_status_code,
       scan_status_reason = i.scan_status_reason, scan_mode = i.scan_mode, last_scanned_at = i.last_scanned_at,
       inactive_since = CASE WHEN i.scan_status_code = 'ACTIVE' THEN NULL ELSE COALESCE(c.inactive_since, $2::timestamptz) END,
       resource_name = i.resource_name, metadata = i.metadata, synced_at = $2
     FROM (${LISTED}) i
     WHERE c.region = $1 AND c.resource_id = i.resource_id AND c.scan_type = i.scan_type
       -- Most resources are as they were yesterday: leave those rows (and their indexes) untouched.
       AND (c.account_id, c.resource_type, c.scan_status_code, c.scan_status_reason, c.scan_mode, c.last_scanned_at, c.resource_name, c.metadata)
         IS DISTINCT FROM (i.account_id, i.resource_type, i.scan_status_code, i.scan_status_reason, i.scan_mode, i.last_scanned_at, i.resource_name, i.metadata)`,
    [region, at],
  );
  const inserted = await client.query(
    `INSERT INTO covered_resources (account_id, region, resource_type, resource_id, scan_type, scan_status_code,
       scan_status_reason, scan_mode, last_scanned_at, inactive_since, resource_name, metadata, synced_at)
     SELECT account_id, $1, resource_type, resource_id, scan_type, scan_status_code, scan_status_reason, scan_mode, last_scanned_at,
       CASE WHEN scan_status_code <> 'ACTIVE' THEN $2::timestamptz END, resource_name, metadata, $2
     FROM (${LISTED}) i
     WHERE NOT EXISTS (SELECT 1 FROM covered_resources c WHERE c.region = $1 AND c.resource_id = i.resource_id AND c.scan_type = i.scan_type)
     ON CONFLICT (region, resource_id, scan_type) DO NOTHING`,
    [region, at],
  );
  return (updated.rowCount ?? 0) + (inserted.rowCount ?? 0);
}
