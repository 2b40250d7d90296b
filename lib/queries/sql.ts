// Runs a parameterised Prisma.sql fragment on a pg pool: read models build SQL with
// Prisma.sql/join and read plain rows (counts cast to int in SQL, so no BigInt reaches React).
//
// The read seam. Read models read the replica (DATABASE_READ_URL; the primary when unset), so a
// page's numbers and its "last synced" come from one database. The primary, passed as "primary"
// here or through db() elsewhere: writes, the sync, migrations, audit, transactions, and reads a
// caller must see right after its own write (frozen reviews, risk exceptions, gate policies and
// decisions' inputs, sync runs, sessions, users, tokens, access mappings).
import { Prisma } from "@/lib/generated/prisma/client";
import { db, readDb } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";

export { Prisma };

export type ReadFrom = "replica" | "primary";

const databaseFor = (from: ReadFrom) => (from === "primary" ? db() : readDb());

export async function queryRows<T>(query: Prisma.Sql, from: ReadFrom = "replica"): Promise<T[]> {
  const result = await databaseFor(from).pool.query(query.text, query.values as unknown[]);
  return result.rows as T[];
}

export async function queryOne<T>(query: Prisma.Sql, from: ReadFrom = "replica"): Promise<T | undefined> {
  return (await queryRows<T>(query, from))[0];
}

/** One row of a read that stops early (a capped count's LIMIT), run without parallel workers: they
 *  scan ahead of the limit, and under many viewers three processes per question cost more than the
 *  one they spare (package=openssl&ageMin=N at 1M: 280 ms over three processes, 142 ms in one).
 *  And without synchronized scans: with them (PostgreSQL's default, for tables over a quarter of
 *  shared_buffers) a scan of the findings starts where the last one got to, so each count of one
 *  filter read a different stretch of the table until it had its matches. At 1M, tag=env:prod with
 *  resourceType=AWS_EC2_INSTANCE counted in 66-101 ms in 9 of 10 runs and 335-432 ms in every 10th
 *  (a psql loop: the database's own time). Each scan now starts at the table's first page: 69-75 ms
 *  every time after the first three, and the pages it reads stay in the OS's cache. */
export function queryOneSerial<T>(query: Prisma.Sql, from: ReadFrom = "replica"): Promise<T | undefined> {
  return withTransaction(databaseFor(from).pool, async (client) => {
    await client.query("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL synchronize_seqscans = off");
    return (await client.query(query.text, query.values as unknown[])).rows[0] as T | undefined;
  }, "BEGIN READ ONLY");
}

/** Reads that must agree run in one snapshot (REPEATABLE READ, read only): `rows` runs each. */
export function inOneSnapshot<T>(work: (rows: <R>(query: Prisma.Sql) => Promise<R[]>) => Promise<T>, from: ReadFrom = "replica"): Promise<T> {
  return withTransaction(databaseFor(from).pool, (client) =>
    work(async <R>(query: Prisma.Sql) => (await client.query(query.text, query.values as unknown[])).rows as R[]),
  "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}
