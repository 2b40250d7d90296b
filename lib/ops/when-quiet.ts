// Background work that can wait (warming the views) waits for a quiet moment: this process's event
// loop busy less than `busy` of a `sampleMs` window. Under 50 viewers a web worker's loop is busy
// ~90 % of the time; between bursts of use it is near 0. `maxWaitMs` bounds the wait, so work that
// must happen (today's review before the meeting) happens anyway under load that does not stop.
import { performance } from "node:perf_hooks";

export interface QuietOptions {
  busy?: number;
  sampleMs?: number;
  /** 0: do not wait at all. */
  maxWaitMs?: number;
}

/** True once a window was quiet; false when `maxWaitMs` passed first (or was 0). */
export async function whenQuiet({ busy = 0.5, sampleMs = 1_000, maxWaitMs = 10 * 60_000 }: QuietOptions = {}): Promise<boolean> {
  if (maxWaitMs <= 0) return false;
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const before = performance.eventLoopUtilization();
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
    if (performance.eventLoopUtilization(before).utilization < busy) return true;
    if (Date.now() >= deadline) return false;
  }
}
