// Migrations one at a time per database: two app replicas (or the local and the signed-in e2e app)
// starting together on a fresh database would otherwise both create the same tables. A session
// advisory lock on the target database serialises processes; a promise chain serialises callers
// in one process. The embedded PGlite is held by one process and is one session: a lock connection
// beside the engine's would interleave with it, so there the in-process turn is the whole lock.
import { isEmbeddedUrl } from "./embedded-postgres";
import { inServerTurn } from "./server-turn";
import { ADVISORY_KEYS } from "./advisory-keys";

/** Not Prisma's own migrate lock (72707369): the engine may take that one on its own connection. */
const MIGRATION_LOCK_KEY = ADVISORY_KEYS.migrations;
let inProcess: Promise<unknown> = Promise.resolve();

export function withMigrationLock<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  const run = inProcess.catch(() => undefined).then(() => (isEmbeddedUrl(databaseUrl) ? fn() : inServerTurn(databaseUrl, MIGRATION_LOCK_KEY, fn)));
  inProcess = run;
  return run;
}
