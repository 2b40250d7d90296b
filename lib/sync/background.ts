// Runs started inside the app (schedule, "Sync now", POST /api/sync) run in the background of
// the server process; this keeps the one active run and its live progress per process.
import type { Database } from "@/lib/db/client";
import { runSync, type SyncResult } from "./run-sync";
import { announceRunFinished } from "./run-listeners";
import type { SyncProgress, SyncTrigger } from "./progress";
import { SyncAlreadyRunningError, type StartedBy } from "./run/run-record";
import type { SyncConfig } from "./sync-config";

interface Active {
  runId: number | null;
  progress: SyncProgress | null;
  done: Promise<SyncResult>;
}

const holder = globalThis as { __inspectorateActiveSync?: Active };

export interface LaunchOptions {
  trigger: SyncTrigger;
  full?: boolean;
  database?: Database;
  config?: SyncConfig;
  startedBy?: StartedBy;
}

/** Starts a run; `started` resolves with its id once recorded, or rejects if it was refused. */
export function launchSync(o: LaunchOptions): { started: Promise<number>; done: Promise<SyncResult> } {
  const running = holder.__inspectorateActiveSync;
  if (running) throw new SyncAlreadyRunningError(running.runId);
  let resolveStarted!: (id: number) => void;
  let rejectStarted!: (e: unknown) => void;
  const started = new Promise<number>((ok, fail) => ((resolveStarted = ok), (rejectStarted = fail)));
  const active: Active = { runId: null, progress: null, done: undefined as never };
  holder.__inspectorateActiveSync = active;
  active.done = runSync({
    trigger: o.trigger, full: o.full, database: o.database, config: o.config, startedBy: o.startedBy,
    onProgress: (p) => {
      active.progress = p;
      if (p.runId !== null && active.runId === null) resolveStarted((active.runId = p.runId));
    },
  }).finally(() => {
    if (holder.__inspectorateActiveSync === active) holder.__inspectorateActiveSync = undefined;
  });
  active.done.then(announceRunFinished, () => {});
  active.done.catch(rejectStarted);
  started.catch(() => {}); // a caller that only awaits `done` must not see an unhandled rejection
  return { started, done: active.done };
}

export function liveProgress(): SyncProgress | null {
  return holder.__inspectorateActiveSync?.progress ?? null;
}
