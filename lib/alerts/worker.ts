// The alerts worker inside the app process: a pass after every in-app sync run, and one every
// INSPECTORATE_ALERTS_POLL_SECONDS (runs from the CLI or another replica, retries that came due).
// Passes never overlap in a process; replicas are kept apart by the database (SKIP LOCKED).
import { db } from "@/lib/db/client";
import { ConfigError, env } from "@/lib/env";
import { log } from "@/lib/ops/logger";
import { onRunFinished } from "@/lib/sync/run-listeners";
import { appUrl, outboundPolicy } from "./outbound-policy";
import { runAlertsOnce } from "./run-alerts";

interface Worker {
  kick(): void;
  /** No further pass; resolves once the pass in flight (if any) has ended, so its pool may be closed. */
  stop(): Promise<void>;
}
const holder = globalThis as { __inspectorateAlertsWorker?: Worker };

export function startAlertsWorker(): Worker | undefined {
  if (holder.__inspectorateAlertsWorker || process.env.NEXT_PHASE === "phase-production-build") return holder.__inspectorateAlertsWorker;
  let seconds: number;
  try {
    seconds = env().INSPECTORATE_ALERTS_POLL_SECONDS;
  } catch (err) {
    log().error({ component: "alerts" }, `alerts worker not started: ${err instanceof ConfigError ? err.message : String(err)}`);
    return undefined;
  }
  if (seconds === 0) return undefined;
  let busy = false, again = false, stopped = false;
  let current: Promise<void> = Promise.resolve();
  const pass = (): Promise<void> => {
    if (stopped) return current;
    if (busy) {
      again = true;
      return current;
    }
    busy = true;
    current = onePass();
    return current;
  };
  const onePass = async () => {
    try {
      const r = await runAlertsOnce(db().pool, appUrl(), { policy: outboundPolicy() });
      if (r.planned + r.sent + r.failed > 0) log().info({ component: "alerts", ...r }, "alerts pass");
    } catch (err) {
      log().error({ component: "alerts" }, `alerts pass failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      busy = false;
      if (again && !stopped) {
        again = false;
        void pass();
      }
    }
  };
  const timer = setInterval(() => void pass(), seconds * 1000);
  timer.unref();
  const off = onRunFinished(() => void pass());
  holder.__inspectorateAlertsWorker = { kick: () => void pass(), stop: async () => {
    stopped = true;
    clearInterval(timer);
    off();
    await current;
  } };
  return holder.__inspectorateAlertsWorker;
}
