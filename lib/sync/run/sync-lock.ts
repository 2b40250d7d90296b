// Only one sync at a time, across app instances and CLIs: a session advisory lock held on a
// dedicated connection for the whole run (not a pooled one, so the run's own queries never
// wait for it), plus an in-process guard. The embedded PGlite is a single session where
// advisory locks cannot exclude (and an extra connection's queries could interleave with the
// pool's), so there the live RUNNING row in sync_runs is what refuses a second process.
import pg from "pg";
import { isEmbeddedPool } from "@/lib/db/embedded-pool";
import { SyncAlreadyRunningError } from "./run-record";

const LOCK_KEY = 7_415_502_911; // arbitrary, fixed: "the Inspectorate sync"
const holder = globalThis as { __inspectorateSyncRunning?: boolean };

export async function withSyncLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T> {
  if (holder.__inspectorateSyncRunning) throw new SyncAlreadyRunningError(null);
  holder.__inspectorateSyncRunning = true;
  let client: pg.Client | undefined;
  try {
    if (!(await isEmbeddedPool(pool))) {
      client = new pg.Client(pool.options);
      await client.connect();
      client.on("error", () => {}); // a dropped lock connection must not crash the process
      const { rows } = await client.query(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`);
      if (!rows[0].ok) throw new SyncAlreadyRunningError(null);
    }
    return await fn();
  } finally {
    holder.__inspectorateSyncRunning = false;
    // Closing the session releases its advisory lock.
    await client?.end().catch(() => {});
  }
}

export const syncRunningInThisProcess = () => holder.__inspectorateSyncRunning === true;
