// What a run wrote to the database: WAL bytes (pg_current_wal_lsn, the whole server's: other
// sessions' writes meanwhile count too), the bench database's size, and its tables' row writes
// (inserted, updated of which HOT, deleted) from pg_stat_user_tables, which backends report lazily.
import type pg from "pg";

export interface WriteSnapshot {
  lsn: string;
  dbBytes: number;
  tables: Map<string, { ins: number; upd: number; hot: number; del: number }>;
}

export interface WriteDelta {
  walBytes: number;
  /** The WAL range, for `pg_waldump --stats=record --start <from> --end <to>` on the server's WAL directory. */
  lsnRange: { from: string; to: string };
  dbBytes: number;
  tables: { table: string; ins: number; upd: number; hot: number; del: number }[];
}

// Idle backends flush their counters within 10 s (PGSTAT_IDLE_INTERVAL): wait that out first.
const settle = () => new Promise((ok) => setTimeout(ok, 11_000));

export async function writeSnapshot(db: Pick<pg.Pool, "query">, waitForStats = true): Promise<WriteSnapshot> {
  if (waitForStats) await settle();
  const { rows } = await db.query("SELECT pg_current_wal_lsn()::text AS lsn, pg_database_size(current_database())::float8 AS size");
  const t = await db.query("SELECT relname, n_tup_ins::float8 AS ins, n_tup_upd::float8 AS upd, n_tup_hot_upd::float8 AS hot, n_tup_del::float8 AS del FROM pg_stat_user_tables");
  return { lsn: rows[0].lsn, dbBytes: rows[0].size, tables: new Map(t.rows.map((r) => [r.relname, { ins: r.ins, upd: r.upd, hot: r.hot, del: r.del }])) };
}

export async function writeDelta(db: Pick<pg.Pool, "query">, from: WriteSnapshot, to: WriteSnapshot): Promise<WriteDelta> {
  const { rows } = await db.query("SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::float8 AS bytes", [to.lsn, from.lsn]);
  const zero = { ins: 0, upd: 0, hot: 0, del: 0 };
  const tables = [...to.tables].map(([table, b]) => {
    const a = from.tables.get(table) ?? zero;
    return { table, ins: b.ins - a.ins, upd: b.upd - a.upd, hot: b.hot - a.hot, del: b.del - a.del };
  }).filter((d) => d.ins || d.upd || d.del).sort((x, y) => y.ins + y.upd + y.del - (x.ins + x.upd + x.del));
  return { walBytes: rows[0].bytes, lsnRange: { from: from.lsn, to: to.lsn }, dbBytes: to.dbBytes - from.dbBytes, tables };
}
