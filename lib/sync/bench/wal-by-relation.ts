// Where a run's WAL went, relation by relation: pg_walinspect (PostgreSQL 15 contrib) reads the
// records of an LSN range still on the server, each counted against the relation of its first block
// (full-page images apart). Needs a superuser and the WAL kept (wal_keep_size); null when either is missing.
import type pg from "pg";

export interface WalByRelation {
  relation: string;
  records: number;
  /** Record bytes, full-page images excluded. */
  bytes: number;
  fpiBytes: number;
}

export async function walByRelation(db: Pick<pg.Pool, "query">, from: string, to: string, top = 12, quiet = false): Promise<WalByRelation[] | null> {
  try {
    await db.query("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
    const { rows } = await db.query<{ relation: string; records: number; bytes: number; fpi_bytes: number }>(
      `WITH g AS (
         SELECT substring(block_ref from 'rel (\\d+/\\d+/\\d+)') AS rel, count(*) AS records,
                sum(record_length - fpi_length) AS bytes, sum(fpi_length) AS fpi_bytes
         FROM pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn) GROUP BY 1)
       SELECT coalesce(c.relname::text, CASE WHEN g.rel IS NULL THEN '(no block: commits, checkpoints)' ELSE '(other database or dropped: ' || g.rel || ')' END) AS relation,
              g.records::float8 AS records, g.bytes::float8 AS bytes, g.fpi_bytes::float8 AS fpi_bytes
       FROM g LEFT JOIN pg_class c ON c.relfilenode = split_part(g.rel, '/', 3)::oid
         AND split_part(g.rel, '/', 2)::oid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY g.bytes + g.fpi_bytes DESC LIMIT $3`,
      [from, to, top],
    );
    return rows.map((r) => ({ relation: r.relation, records: r.records, bytes: r.bytes, fpiBytes: r.fpi_bytes }));
  } catch (error) {
    if (!quiet) console.log(`  (WAL by relation not measured: ${(error as Error).message.split("\n")[0]})`);
    return null;
  }
}

export interface WalTotals {
  /** Record bytes, full-page images excluded: the changes themselves. */
  recordBytes: number;
  /** Whole pages logged at their first change after a checkpoint (full_page_writes). */
  fpiBytes: number;
}

/** An LSN range's WAL split into record bytes and full-page images (pg_walinspect's pg_get_wal_stats);
 *  null when the extension or the WAL is not there. */
export async function walTotals(db: Pick<pg.Pool, "query">, from: string, to: string): Promise<WalTotals | null> {
  try {
    await db.query("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
    const { rows } = await db.query<{ records: number; fpi: number }>(
      `SELECT coalesce(sum(record_size), 0)::float8 AS records, coalesce(sum(fpi_size), 0)::float8 AS fpi FROM pg_get_wal_stats($1::pg_lsn, $2::pg_lsn)`,
      [from, to],
    );
    return { recordBytes: rows[0].records, fpiBytes: rows[0].fpi };
  } catch (error) {
    console.log(`  (WAL records and page images not measured: ${(error as Error).message.split("\n")[0]})`);
    return null;
  }
}
