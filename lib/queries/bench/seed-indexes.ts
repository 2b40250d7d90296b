// The bench seeder's bulk-load mode for the tables filled from findings (finding_other_resources,
// finding_events): their secondary indexes and finding_other_resources' primary key are dropped before
// the load and built once after it. Row-by-row maintenance of the ARN-keyed B-trees (random
// order) took 335 s of a 1M seed's 1,100 s. Bench databases only; the sync has deferred-indexes.ts.
import type pg from "pg";

type Restore = { table: string; name: string; sql: string };

/** `keepPrimaryKeys`: tables whose primary key stays (finding_events: a bigserial id, appended in order, cheap). */
export async function dropLoadIndexes(client: pg.Client, tables = ["finding_other_resources", "finding_events"], keepPrimaryKeys = ["finding_events"]): Promise<Restore[]> {
  const { rows } = await client.query<{ table: string; name: string; indexdef: string; condef: string | null; contype: string | null }>(
    `SELECT i.tablename AS table, i.indexname AS name, i.indexdef, pg_get_constraintdef(c.oid) AS condef, c.contype
     FROM pg_indexes i LEFT JOIN pg_constraint c ON c.conname = i.indexname AND c.conrelid = i.tablename::regclass
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])`, [tables]);
  const restore: Restore[] = [];
  for (const r of rows) {
    if (r.contype === "p" && keepPrimaryKeys.includes(r.table)) continue;
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`; // names from the catalog
    if (r.condef) {
      await client.query(`ALTER TABLE ${q(r.table)} DROP CONSTRAINT ${q(r.name)}`);
      restore.push({ table: r.table, name: r.name, sql: `ALTER TABLE ${q(r.table)} ADD CONSTRAINT ${q(r.name)} ${r.condef}` });
    } else {
      await client.query(`DROP INDEX ${q(r.name)}`);
      restore.push({ table: r.table, name: r.name, sql: r.indexdef });
    }
  }
  return restore;
}

export async function restoreLoadIndexes(client: pg.Client, restore: Restore[]): Promise<void> {
  for (const r of restore) await client.query(r.sql);
}
