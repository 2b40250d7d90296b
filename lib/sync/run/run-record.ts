// The sync_runs row of a run: created RUNNING, heartbeated with its progress, finished with
// an outcome. A run whose heartbeat went silent (process killed) is closed as FAILED.
import type pg from "pg";
import type { SyncProgress, SyncTrigger } from "../progress";
import type { RunNote } from "../context";
import type { ListingMode } from "../findings/listing-mode";

type Queryable = Pick<pg.Pool, "query">;
export const STALE_AFTER_MS = 2 * 60_000;

export class SyncAlreadyRunningError extends Error {
  constructor(readonly runId: number | null, startedAt?: Date) {
    super(`a sync is already running${runId ? ` (run #${runId}${startedAt ? `, started ${startedAt.toISOString()}` : ""})` : ""}`);
    this.name = "SyncAlreadyRunningError";
  }
}

/** Closes runs left RUNNING by a dead process; throws if a live one is still going. */
export async function closeStaleRuns(db: Queryable, now = new Date()): Promise<void> {
  const { rows } = await db.query(
    `SELECT id, started_at, COALESCE((progress->>'heartbeatAt')::timestamptz, started_at) AS beat
     FROM sync_runs WHERE outcome = 'RUNNING'`,
  );
  for (const r of rows as { id: number; started_at: Date; beat: Date }[]) {
    if (now.getTime() - r.beat.getTime() < STALE_AFTER_MS) throw new SyncAlreadyRunningError(r.id, r.started_at);
    await db.query(
      `UPDATE sync_runs SET outcome = 'FAILED', finished_at = $2, error = 'interrupted: the syncing process stopped without finishing'
       WHERE id = $1 AND outcome = 'RUNNING'`,
      [r.id, now],
    );
  }
}

/**
 * A run's start, strictly after every earlier run's: findings a run writes carry it as synced_at,
 * and gone detection tells "listed by this run" from "not" by it, even when a clock stood still.
 */
export async function runStart(db: Queryable, now: Date): Promise<Date> {
  const { rows } = await db.query("SELECT max(started_at) AS last FROM sync_runs");
  const last: Date | null = rows[0].last;
  return last && last.getTime() >= now.getTime() ? new Date(last.getTime() + 1) : now;
}

/** Who started a run from the app (lib/auth actor) and from where; recorded with the run. */
export interface StartedBy {
  kind: string;
  id: string;
  name: string;
  address: string | null;
}

export async function createRun(db: Queryable, trigger: SyncTrigger, startedAt: Date, notes: RunNote[], by?: StartedBy): Promise<number> {
  // One statement, so the run and its audit row (sync.started) commit together or not at all.
  const { rows } = await db.query(
    `WITH run AS (
       INSERT INTO sync_runs (trigger, started_at, outcome, notes, started_by) VALUES ($1, $2, 'RUNNING', $3::jsonb, $4) RETURNING id
     ), audit AS (
       INSERT INTO audit_events (at, actor_kind, actor_id, actor_name, action, target, detail, address)
       SELECT $2, $5, $6, $4, 'sync.started', run.id::text, $7::jsonb, $8 FROM run WHERE $4::text IS NOT NULL
     ) SELECT id FROM run`,
    [trigger, startedAt, JSON.stringify(notes), by?.name ?? null, by?.kind ?? null, by?.id ?? null, JSON.stringify({ trigger }), by?.address ?? null],
  );
  return rows[0].id as number;
}

export async function saveProgress(db: Queryable, runId: number, p: SyncProgress): Promise<void> {
  await db.query("UPDATE sync_runs SET progress = $2::jsonb, api_requests = $3, throttled = $4 WHERE id = $1", [
    runId, JSON.stringify(p), p.apiRequests, p.throttled,
  ]);
}

export interface RunTotals {
  outcome: "SUCCEEDED" | "PARTIAL" | "FAILED";
  mode: ListingMode;
  error: string | null;
  findingsUpserted: number;
  coverageUpserted: number;
  apiRequests: number;
  throttled: number;
  notes: RunNote[];
  progress: SyncProgress;
}

export async function finishRun(db: Queryable, runId: number, t: RunTotals, finishedAt: Date): Promise<void> {
  await db.query(
    `UPDATE sync_runs SET outcome = $2, mode = $3, error = $4, findings_upserted = $5, coverage_upserted = $6,
       api_requests = $7, throttled = $8, notes = $9::jsonb, progress = $10::jsonb, finished_at = $11
     WHERE id = $1`,
    [runId, t.outcome, t.mode, t.error, t.findingsUpserted, t.coverageUpserted, t.apiRequests, t.throttled,
      JSON.stringify(t.notes), JSON.stringify(t.progress), finishedAt],
  );
}
