// Migrations one at a time per database: two app replicas (or the local and the signed-in e2e app)
// starting together on a fresh database would otherwise both create the same tables. A session
// advisory lock on the target database serialises processes; a promise chain serialises callers
// in one process (the embedded PGlite shares one session, where the advisory lock is re-entrant).
import pg from "pg";

/** Not Prisma's own migrate lock (72707369): the engine may take that one on its own connection. */
const MIGRATION_LOCK_KEY = 7_302_111_501;
let inProcess: Promise<unknown> = Promise.resolve();

export function withMigrationLock<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  const run = inProcess.catch(() => undefined).then(() => lockedOnServer(databaseUrl, fn));
  inProcess = run;
  return run;
}

async function lockedOnServer<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
