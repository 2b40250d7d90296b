// Readiness of this process's databases for GET /api/health/ready: the primary, and with
// DATABASE_READ_URL the replica apart under "replica". Errors never carry a URL or password.
import { db, hasReadReplica, readDb } from "@/lib/db/client";
import { redactDatabaseText } from "@/lib/db/redact-url";
import { readiness, type Readiness } from "./readiness";
import { replicaReadiness, withReplica } from "./replica-readiness";

export type AppReadiness = Readiness | ReturnType<typeof withReplica> | { ready: false; database: { reachable: false; error: string } };

export async function appReadiness(): Promise<AppReadiness> {
  let pool;
  try {
    pool = db().pool;
  } catch (err) {
    const error = redactDatabaseText(err instanceof Error ? err.message : String(err), process.env.DATABASE_URL);
    return { ready: false, database: { reachable: false, error } };
  }
  const primary = await readiness(pool);
  if (primary.database.error) primary.database.error = redactDatabaseText(primary.database.error, process.env.DATABASE_URL);
  return hasReadReplica() ? withReplica(primary, await replicaReadiness(readDb().pool, process.env.DATABASE_READ_URL)) : primary;
}
