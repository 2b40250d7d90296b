// Bulk-load mode for the first sync. Maintaining the findings table's secondary indexes row by row
// was ~40% of the database's time while an empty cache filled, and building them afterwards from
// the loaded rows costs a fraction of that. So a sync that finds the table empty drops them,
// keeping their definitions in deferred_indexes in the same transaction, and rebuilds them when its
// listing is over. A run killed in between leaves the definitions behind, and the next run, or the
// next start of the app, rebuilds them before anything else: the schema is never left short.
import pg from "pg";
import { mapLimit } from "@/lib/sync/util/map-limit";

type Queryable = Pick<pg.Pool, "query" | "connect">;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Drops the findings table's secondary indexes if it holds no rows; returns how many were deferred. */
export async function deferFindingIndexesIfEmpty(pool: Queryable): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Writers wait until the definitions are saved and the indexes gone (or the table was not empty).
    await client.query("LOCK TABLE findings IN SHARE ROW EXCLUSIVE MODE");
    const { rows: any } = await client.query("SELECT 1 FROM findings LIMIT 1");
    if (any.length) {
      await client.query("ROLLBACK");
      return 0;
    }
    const { rows } = await client.query<{ name: string }>(
      `INSERT INTO deferred_indexes (name, definition)
       SELECT indexname, indexdef FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = 'findings'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = 'findings'::regclass)
       ON CONFLICT (name) DO NOTHING
       RETURNING name`,
    );
    for (const r of rows) await client.query(`DROP INDEX ${quoteIdent(r.name)}`); // names from the catalog
    await client.query("COMMIT");
    return rows.length;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Builds every deferred index (`concurrency` at a time) and forgets its definition; returns how many. */
export async function restoreDeferredIndexes(pool: Queryable, concurrency = 2): Promise<number> {
  const { rows: [table] } = await pool.query<{ t: string | null }>("SELECT to_regclass('deferred_indexes')::text AS t");
  if (!table?.t) return 0; // not migrated yet
  const { rows } = await pool.query<{ name: string; definition: string }>("SELECT name, definition FROM deferred_indexes ORDER BY name");
  await mapLimit(rows, concurrency, async (r) => {
    const create = r.definition.replace(/^CREATE (UNIQUE )?INDEX /, (_m, unique: string | undefined) => `CREATE ${unique ?? ""}INDEX IF NOT EXISTS `);
    if (create === r.definition) throw new Error(`deferred index ${r.name}: unexpected definition ${r.definition}`);
    await pool.query(create);
    await pool.query("DELETE FROM deferred_indexes WHERE name = $1", [r.name]);
  });
  return rows.length;
}

/** For start-up, before migrations run: rebuild what a killed first sync left deferred. */
export async function restoreDeferredIndexesAt(databaseUrl: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return await restoreDeferredIndexes(pool, 1);
  } finally {
    await pool.end();
  }
}

/** After a first load, the primary key rebuilt from the loaded rows. ARNs arrive in no order, so its
 *  pages split as they filled and ended ~69 % full (~150 B per finding of a synced cache); rebuilt,
 *  they are ~90 % full (~114 B; docs/benchmarks.md, thirty-second pass). CONCURRENTLY, so the views
 *  read on meanwhile. A rebuild that fails leaves the old key in place and an invalid copy, dropped
 *  here; the cache is whole either way, so the caller notes it and goes on. */
export async function compactFindingsKey(pool: Pick<pg.Pool, "query">): Promise<void> {
  try {
    await pool.query("REINDEX INDEX CONCURRENTLY findings_pkey");
  } catch (err) {
    await pool.query("DROP INDEX CONCURRENTLY IF EXISTS findings_pkey_ccnew").catch(() => {});
    throw err;
  }
}

/** After a first load, the findings' visibility map set and their statistics read. The views count
 *  by index-only scans, which read a heap page for every entry on a page not yet marked all-visible.
 *  Autovacuum marks pages only after a fifth of the table was inserted since its last pass, so after a
 *  load the last ~fifth stays unmarked until that many more rows arrive, for weeks at 1 % daily churn:
 *  a synced 10M cache counted a top CVE's 186,542 open findings with 47,598 heap fetches (809 ms).
 *  Plain VACUUM: reads and writes go on meanwhile. */
export async function vacuumLoadedFindings(pool: Pick<pg.Pool, "query">): Promise<void> {
  await pool.query("VACUUM (ANALYZE) findings");
}
