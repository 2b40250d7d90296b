// Wires the schedule into the Next.js server (called from instrumentation.ts, nodejs runtime
// only): interval from config, demo runs labelled as such, one scheduler per process.
import { db } from "@/lib/db/client";
import { ConfigError, env, isDemo } from "@/lib/env";
import { log } from "@/lib/ops/logger";
import { launchSync } from "./background";
import { startScheduler, type Scheduler } from "./scheduler";

const holder = globalThis as { __inspectorateScheduler?: Scheduler };

export function startAppScheduler(): Scheduler | undefined {
  if (holder.__inspectorateScheduler) return holder.__inspectorateScheduler;
  // `next build` may load instrumentation while prerendering: no schedule there.
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  let e;
  try {
    e = env();
  } catch (err) {
    log().error({ component: "scheduler" }, `schedule not started: ${err instanceof ConfigError ? err.message : String(err)}`);
    return undefined;
  }
  if (e.INSPECTORATE_SYNC_INTERVAL_MINUTES === 0) return undefined;
  holder.__inspectorateScheduler = startScheduler({
    intervalMinutes: e.INSPECTORATE_SYNC_INTERVAL_MINUTES,
    pool: db().pool,
    trigger: isDemo(e) ? "demo" : "schedule",
    startupDelayMs: 3_000,
    run: async (trigger) => {
      const r = await launchSync({ trigger }).done;
      return { runId: r.runId, outcome: r.outcome };
    },
  });
  return holder.__inspectorateScheduler;
}
