// Only one sync at a time, across app instances and CLIs: a session advisory lock held on a
// dedicated connection for the whole run (not a pooled one, so the run's own queries never
// wait for it), plus an in-process guard. The embedded PGlite is a single session where
// advisory locks cannot exclude (and an extra connection's queries could interleave with the
// pool's), so there the live RUNNING row in sync_runs is what refuses a second process.
import type pg from "pg";
import { isEmbeddedPool } from "@/lib/db/embedded-pool";
import { inServerTurn } from "@/lib/db/server-turn";
import { ADVISORY_KEYS } from "@/lib/db/advisory-keys";
import { SyncAlreadyRunningError } from "./run-record";

const LOCK_KEY = ADVISORY_KEYS.sync;
const holder = globalThis as { __inspectorateSyncRunning?: boolean };

export async function withSyncLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T> {
  if (holder.__inspectorateSyncRunning) throw new SyncAlreadyRunningError(null);
  holder.__inspectorateSyncRunning = true;
  try {
    if (await isEmbeddedPool(pool)) return await fn();
    return await inServerTurn(pool.options, LOCK_KEY, fn, { busy: () => new SyncAlreadyRunningError(null) });
  } finally {
    holder.__inspectorateSyncRunning = false;
  }
}

export const syncRunningInThisProcess = () => holder.__inspectorateSyncRunning === true;
