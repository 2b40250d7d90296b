// What GET /api/sync and the Sync page show: the running run's live progress (this process's,
// or another process's heartbeat in sync_runs) and the last finished run.
import type pg from "pg";
import { db } from "@/lib/db/client";
import { liveProgress } from "./background";
import type { SyncProgress } from "./progress";
import { STALE_AFTER_MS } from "./run/run-record";
import { notesForScope, runNotesFromJson, type StoredRunNote } from "./run/run-notes";
import type { Scope } from "@/lib/queries/scope";

export interface SyncRunSummary {
  id: number;
  trigger: string;
  outcome: "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED";
  mode: string;
  startedAt: string;
  finishedAt: string | null;
  findingsUpserted: number;
  coverageUpserted: number;
  apiRequests: number;
  throttled: number;
  error: string | null;
  notes: StoredRunNote[];
  /** Notes this viewer may not see (they are not a viewer of the whole organization): how many, so an
   *  empty list is not read as "nothing to note". */
  notesHidden: number;
  demo: boolean;
  /** The run's last progress: per-region phases, pages and findings as they ended. */
  progress: SyncProgress | null;
}

export interface SyncStatus {
  running: boolean;
  /** The running run's live progress; when none runs, the last finished run's final progress. */
  progress: SyncProgress | null;
  lastRun: SyncRunSummary | null;
}

const summary = (r: Record<string, unknown>): SyncRunSummary => {
  const notes = runNotesFromJson(r.notes);
  return {
    id: r.id as number, trigger: r.trigger as string, outcome: r.outcome as SyncRunSummary["outcome"], mode: r.mode as string,
    startedAt: (r.started_at as Date).toISOString(), finishedAt: r.finished_at ? (r.finished_at as Date).toISOString() : null,
    findingsUpserted: r.findings_upserted as number, coverageUpserted: r.coverage_upserted as number,
    apiRequests: r.api_requests as number, throttled: r.throttled as number, error: (r.error as string) ?? null,
    notes, notesHidden: 0, demo: notes.some((n) => n.kind === "demo"),
    progress: r.progress && Object.keys(r.progress as object).length ? (r.progress as SyncProgress) : null,
  };
};

export async function syncStatus(db: Pick<pg.Pool, "query">, now = new Date()): Promise<SyncStatus> {
  const { rows } = await db.query(
    `(SELECT * FROM sync_runs WHERE outcome = 'RUNNING' ORDER BY id DESC LIMIT 1)
     UNION ALL (SELECT * FROM sync_runs WHERE outcome <> 'RUNNING' ORDER BY id DESC LIMIT 1)`,
  );
  const runningRow = rows.find((r) => r.outcome === "RUNNING");
  const lastRow = rows.find((r) => r.outcome !== "RUNNING");
  const beat = runningRow?.progress?.heartbeatAt ? new Date(runningRow.progress.heartbeatAt) : runningRow?.started_at;
  const otherProcess = runningRow && beat && now.getTime() - new Date(beat).getTime() < STALE_AFTER_MS ? (runningRow.progress as SyncProgress) : null;
  const live = liveProgress();
  const current = live && !live.outcome ? live : otherProcess && Object.keys(otherProcess).length ? otherProcess : null;
  const lastRun = lastRow ? summary(lastRow) : null;
  return { running: current !== null, progress: current ?? lastRun?.progress ?? null, lastRun };
}

/** The process database's sync status: what GET /api/sync answers. */
export const currentSyncStatus = (now = new Date()) => syncStatus(db().pool, now);

/**
 * The status one viewer may see. A run's notes are organization-wide and name accounts (lifecycle
 * changes, re-listed account ids, skipped finding ARNs), so only a viewer of the whole organization
 * gets them; anyone else gets an empty list and how many were withheld (the `demo` flag, derived from
 * them, stays).
 */
export function syncStatusForScope(status: SyncStatus, scope: Scope): SyncStatus {
  if (!status.lastRun) return status;
  const visible = notesForScope(status.lastRun.notes, scope);
  if (Array.isArray(visible)) return status;
  return { ...status, lastRun: { ...status.lastRun, notes: [], notesHidden: visible.hidden } };
}
