// The read replica's part of GET /api/health/ready (DATABASE_READ_URL), reported apart from the
// primary: a replica that does not answer, or lacks a migration the app's queries need, makes the
// process not ready. Reasons name the replica and never carry its URL or password.
import type pg from "pg";
import { redactDatabaseText } from "@/lib/db/redact-url";
import { expectedMigrations, readiness, type Readiness } from "./readiness";

export interface ReplicaReadiness {
  ready: boolean;
  reachable: boolean;
  error?: string;
  migrations: Readiness["migrations"];
  /** The last successful sync as the replica shows it: what read pages show as "last synced". */
  lastSuccessfulSync: Readiness["lastSuccessfulSync"];
  /** A streaming standby's seconds since its last replayed transaction (grows while the primary is
   *  idle too); null when the database is not in recovery. */
  replayLagSeconds: number | null;
}

const NAME = "read replica (DATABASE_READ_URL)";

export async function replicaReadiness(pool: Pick<pg.Pool, "query">, url?: string, expected: () => string[] = expectedMigrations, now = new Date()): Promise<ReplicaReadiness> {
  const r = await readiness(pool, expected, now);
  const clean = (text: string) => redactDatabaseText(text, url);
  if (!r.database.reachable) {
    return { ready: false, reachable: false, error: `${NAME} does not answer: ${clean(r.database.error ?? "unknown error")}`, migrations: r.migrations, lastSuccessfulSync: null, replayLagSeconds: null };
  }
  const migrations = "error" in r.migrations ? { error: clean(r.migrations.error) } : r.migrations;
  const lag = await pool
    .query("SELECT CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag")
    .then((q) => (q.rows[0]?.lag == null ? null : Math.max(0, Math.round(Number(q.rows[0].lag)))))
    .catch(() => null);
  const out: ReplicaReadiness = { ready: r.ready, reachable: true, migrations, lastSuccessfulSync: r.lastSuccessfulSync, replayLagSeconds: lag };
  if (!r.ready) out.error = "pending" in migrations ? `${NAME} lacks migrations: ${migrations.pending.join(", ")}` : `${NAME}: ${migrations.error}`;
  return out;
}

/** The primary's readiness with the replica's beside it; either one failing fails the whole.
 *  syncBehindSeconds: how much older the replica's last successful sync is (what read pages lag by). */
export function withReplica(primary: Readiness, replica: ReplicaReadiness): Readiness & { replica: ReplicaReadiness & { syncBehindSeconds: number | null } } {
  const [p, r] = [primary.lastSuccessfulSync, replica.lastSuccessfulSync];
  const syncBehindSeconds = p && r ? Math.max(0, Math.round((Date.parse(p.finishedAt) - Date.parse(r.finishedAt)) / 1000)) : null;
  return { ...primary, ready: primary.ready && replica.ready, replica: { ...replica, syncBehindSeconds } };
}
