// What each (endpoint, region, operation) sustained during this process's last sync, so the next
// run (the in-app schedule, Sync now) starts its pacing near there instead of re-probing up from
// the limiter's cautious default: a short incremental run otherwise spends most of its time
// ramping up. Process memory only: a fresh process starts cautious again.
const learned = new Map<string, number>();

export function learnedRateKey(region: string, operation: string): string {
  return `${process.env.AWS_ENDPOINT_URL ?? "aws"}|${region}|${operation}`;
}

/**
 * The next run's starting rate. Throttled this run: 90% of the best one-second success rate (what
 * the server allowed). Never throttled: the rate the limiter had reached, or the best success rate
 * if higher; the limit is still unknown, and the limiter backs off at the first throttle if needed.
 */
export function rememberRate(key: string, run: { throttles: number; peakRate: number; rate: number }): void {
  const next = run.throttles > 0 ? run.peakRate * 0.9 : Math.max(run.rate, run.peakRate);
  if (next > 0) learned.set(key, Math.max(1, next));
}

export function learnedRate(key: string): number | undefined {
  return learned.get(key);
}
