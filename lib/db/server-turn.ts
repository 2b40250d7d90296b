// One process at a time across the app's processes and replicas: a session advisory lock taken on a
// dedicated connection (never a pooled one, so the work's own queries do not wait behind it), held
// while `fn` runs and released with the session. By default a caller waits for its turn: up to
// `waitMs` when given (then the lock's error is thrown and `fn` does not run). With `busy`, it does
// not wait: a turn already held throws busy()'s error (the sync refusing a second run).
import pg from "pg";

export interface TurnOptions {
  waitMs?: number;
  busy?: () => Error;
}

export async function inServerTurn<T>(connection: string | pg.ClientConfig, key: number, fn: () => Promise<T>, { waitMs, busy }: TurnOptions = {}): Promise<T> {
  const client = new pg.Client(typeof connection === "string" ? { connectionString: connection } : connection);
  client.on("error", () => {}); // a dropped lock connection must not crash the process
  await client.connect();
  try {
    if (busy) {
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [key]);
      if (!rows[0].ok) throw busy();
    } else {
      if (waitMs !== undefined) await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(waitMs))}`);
      await client.query("SELECT pg_advisory_lock($1)", [key]);
    }
    return await fn();
  } finally {
    // Closing the session releases its advisory lock (and a lock it did not get is not released).
    await client.end().catch(() => undefined);
  }
}
