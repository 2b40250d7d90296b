// The in-app schedule: a run every `intervalMinutes`, and one at startup when the last
// finished run is older than that (or there is none). Two app instances never sync at once:
// each tick goes through runSync's advisory lock and is skipped when another holds it; and an
// interval tick is skipped when any instance finished a run within the last half interval
// (replicas' timers drift apart, so otherwise each would run one sync per interval).
import type pg from "pg";
import { SyncAlreadyRunningError } from "./run/run-record";
import type { SyncTrigger } from "./progress";
import { log as logger } from "@/lib/ops/logger";

export interface TickResult {
  ran: boolean;
  runId?: number;
  outcome?: string;
  skipped?: string;
}

export interface SchedulerOptions {
  intervalMinutes: number;
  pool: Pick<pg.Pool, "query">;
  trigger: SyncTrigger;
  /** Starts one run and resolves when it finished (the app passes a background launcher). */
  run: (trigger: SyncTrigger) => Promise<{ runId: number; outcome: string }>;
  log?: (message: string) => void;
  startupDelayMs?: number;
  now?: () => Date;
}

export interface Scheduler {
  tick(): Promise<TickResult>;
  /** The interval's tick: a run unless one finished (anywhere) within the last half interval. */
  due(): Promise<TickResult>;
  /** Resolves once the startup decision is taken (and its run finished, if one was due). */
  ready: Promise<TickResult | null>;
  stop(): void;
}

export async function lastFinishedAt(pool: Pick<pg.Pool, "query">): Promise<Date | null> {
  const { rows } = await pool.query("SELECT max(finished_at) AS at FROM sync_runs WHERE outcome <> 'RUNNING'");
  return rows[0]?.at ?? null;
}

export function startScheduler(o: SchedulerOptions): Scheduler {
  const log = o.log ?? ((m: string) => logger().warn({ component: "scheduler" }, m));
  const intervalMs = o.intervalMinutes * 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async (): Promise<TickResult> => {
    try {
      const r = await o.run(o.trigger);
      return { ran: true, runId: r.runId, outcome: r.outcome };
    } catch (err) {
      if (err instanceof SyncAlreadyRunningError) {
        logger().info({ component: "scheduler" }, `scheduled run skipped: ${err.message}`);
        return { ran: false, skipped: err.message };
      }
      log(`scheduled run failed to start: ${err instanceof Error ? err.message : String(err)}`);
      return { ran: false, skipped: "error" };
    }
  };
  const due = async (): Promise<TickResult> => {
    const last = await lastFinishedAt(o.pool).catch(() => null);
    const now = (o.now ?? (() => new Date()))();
    if (last && now.getTime() - last.getTime() < intervalMs / 2) {
      logger().info({ component: "scheduler", lastFinishedAt: last.toISOString() }, "scheduled run skipped: a run finished recently");
      return { ran: false, skipped: "a run finished recently" };
    }
    return tick();
  };
  const ready = (async () => {
    if (intervalMs <= 0) return null;
    await new Promise((r) => setTimeout(r, o.startupDelayMs ?? 0).unref());
    if (stopped) return null;
    timer = setInterval(() => void due(), intervalMs);
    timer.unref();
    const last = await lastFinishedAt(o.pool);
    const now = (o.now ?? (() => new Date()))();
    if (last && now.getTime() - last.getTime() < intervalMs) return null;
    return tick();
  })();
  return {
    tick,
    due,
    ready,
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
