// What every step of one run shares: database, AWS clients, config, clock, progress, notes.
import type pg from "pg";
import type { Database } from "@/lib/db/client";
import type { AwsClients } from "@/lib/aws/clients";
import type { SyncConfig } from "./sync-config";
import type { ProgressTracker } from "./progress";
import type { Semaphore } from "./util/semaphore";
import type { QueueBudget } from "./util/queue-budget";

export interface RunNote {
  kind: "demo" | "organizations" | "backfill" | "coverage" | "integrity" | "delegated-admin" | "mapping" | "region" | "bulk-load" | "clock" | "lifecycle" | "enrichment" | "configuration";
  region?: string;
  /** The app's own words: what was not read or done, and what the run did instead. */
  message: string;
  /** AWS's own words, when AWS refused or failed what the note is about: admins of the whole organization
   *  read them as written, everyone else their plain reason (lib/auth/error-text.ts). */
  error?: string;
}

export interface SyncContext {
  database: Database;
  pool: pg.Pool;
  aws: AwsClients;
  config: SyncConfig;
  runId: number;
  /** The run's start: findings written by this run carry it as synced_at. */
  startedAt: Date;
  now: () => Date;
  progress: ProgressTracker;
  notes: RunNote[];
  signal?: AbortSignal;
  /** Stops every region's work (a fatal error somewhere: the run is over). */
  stopRun(reason: string): void;
  forceFull: boolean;
  /** Test hook: called after every findings batch is durably written. */
  afterBatch?: (batches: number) => void | Promise<void>;
  batches: number;
  /** Admits config.writeConcurrency findings batches to the database at a time. */
  writes: Semaphore;
  /** Bytes of findings listed and not yet written, run-wide: listing waits when it is spent (back-pressure). */
  queue: QueueBudget;
  /** Set when the cache held no finding as the run began (it deferred the indexes): batches are then
   *  written by a plain insert, or upserted when a finding was listed twice (insertNewFindings); how many each way. */
  firstLoadBatches?: { inserted: number; upserted: number };
  /** Set when this run deferred the findings indexes (an empty table) and rebuilt them after. */
  indexRebuildMs?: number;
  /** Set when this run vacuumed the findings after a first load (vacuumLoadedFindings). */
  vacuumMs?: number;
}

export function throwIfAborted(ctx: Pick<SyncContext, "signal">): void {
  if (ctx.signal?.aborted) throw new SyncAbortedError(String(ctx.signal.reason ?? "aborted"));
}

export class SyncAbortedError extends Error {
  constructor(reason: string) {
    super(`sync aborted: ${reason}`);
    this.name = "SyncAbortedError";
  }
}
