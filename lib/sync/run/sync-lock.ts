// Only one sync at a time, across app instances and CLIs: a session advisory lock held on a
// dedicated connection for the whole run (not a pooled one, so the run's own queries never
// wait for it), plus an in-process guard for the single-session embedded database.
import pg from "pg";
import { SyncAlreadyRunningError } from "./run-record";

const LOCK_KEY = 7_415_502_911; // arbitrary, fixed: "the Inspectorate sync"
const holder = globalThis as { __inspectorateSyncRunning?: boolean };

export async function withSyncLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T> {
  if (holder.__inspectorateSyncRunning) throw new SyncAlreadyRunningError(null);
  holder.__inspectorateSyncRunning = true;
  const client = new pg.Client(pool.options);
  try {
    await client.connect();
    client.on("error", () => {}); // a dropped lock connection must not crash the process
    const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY]);
    if (!rows[0].ok) throw new SyncAlreadyRunningError(null);
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    }
  } finally {
    holder.__inspectorateSyncRunning = false;
    await client.end().catch(() => {});
  }
}

export const syncRunningInThisProcess = () => holder.__inspectorateSyncRunning === true;
