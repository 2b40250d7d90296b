// A comparable description of a database's public schema (tables' columns, indexes, constraints).
// schema.prisma cannot state views (migrations' own), an index's INCLUDE columns (prisma/orm#8584:
// indexes compare by key, coveringIndexes lists what migrations add), nor expression keys,
// predicates and operator classes (such indexes are left out, migrationOnlyIndexes lists them).
// Read from the catalog with plain SQL so it works the same on PGlite and PostgreSQL.
import type pg from "pg";

export async function catalogFingerprint(client: pg.Pool | pg.Client): Promise<string[]> {
  const columns = await client.query(`
    SELECT table_name || '.' || column_name || ' ' || udt_name || coalesce('(' || character_maximum_length || ')', '')
      || ' ' || is_nullable || ' default=' || coalesce(column_default, '') AS line
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')`);
  const indexes = await client.query(`
    SELECT 'index ' || regexp_replace(indexdef, ' INCLUDE \\(.*\\)$', '') AS line FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND NOT (${migrationOnly})`);
  const constraints = await client.query(`
    SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'`);
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.line as string).sort();
}

/** Indexes with an expression key, a predicate or an operator class (gin_trgm_ops: the extension's,
 *  which the schema engine's reference database does not have): schema.prisma states none of them
 *  here, so they are migrations' own, left out of the fingerprint and listed by migrationOnlyIndexes. */
const migrationOnly = `indexdef ~ ' WHERE ' OR indexdef ~ '\\(\\(' OR indexdef ~ '_ops[,)]'`;

/** Each index with an expression key, a predicate or an operator class, by name: its method, keys
 *  and predicate. */
export async function migrationOnlyIndexes(client: pg.Pool | pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ name: string; def: string }>(`
    SELECT indexname AS name, substring(indexdef from ' USING (.*)$') AS def FROM pg_indexes
    WHERE schemaname = 'public' AND (${migrationOnly})`);
  return Object.fromEntries(rows.map((r) => [r.name, r.def]));
}

/** Each index's INCLUDE columns, which the fingerprint leaves out (schema.prisma cannot state them). */
export async function coveringIndexes(client: pg.Pool | pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ name: string; include: string }>(`
    SELECT indexname AS name, substring(indexdef from ' INCLUDE \\((.*)\\)$') AS include FROM pg_indexes
    WHERE schemaname = 'public' AND indexdef LIKE '% INCLUDE (%'`);
  return Object.fromEntries(rows.map((r) => [r.name, r.include]));
}
