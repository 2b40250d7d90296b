// One process at a time across the app's processes and replicas: a session advisory lock taken on a
// dedicated connection (never a pooled one, so the work's own queries do not wait behind it), held
// while `fn` runs and released with the session. Callers wait for their turn, up to `waitMs` when
// given (then the lock's error is thrown and `fn` does not run).
import pg from "pg";

export async function inServerTurn<T>(connection: string | pg.ClientConfig, key: number, fn: () => Promise<T>, waitMs?: number): Promise<T> {
  const client = new pg.Client(typeof connection === "string" ? { connectionString: connection } : connection);
  client.on("error", () => {}); // a dropped lock connection must not crash the process
  await client.connect();
  try {
    if (waitMs !== undefined) await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(waitMs))}`);
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
