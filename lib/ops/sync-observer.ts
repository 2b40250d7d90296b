// What a finished sync run reports to metrics and the log: called by runSync with what it knows.
import { log } from "./logger";
import { metrics } from "./metrics";

export interface FinishedRun {
  runId: number;
  trigger: string;
  outcome: "SUCCEEDED" | "PARTIAL" | "FAILED";
  seconds: number;
  error: string | null;
  regions: { region: string; listed: number; written: number; status: string; error?: string | null }[];
  apiRequests: number;
  throttled: number;
}

export function observeSyncRun(r: FinishedRun): void {
  const m = metrics();
  m.syncRuns.inc({ trigger: r.trigger, outcome: r.outcome });
  m.syncDuration.observe({ outcome: r.outcome }, r.seconds);
  for (const g of r.regions) {
    m.findingsListed.inc({ region: g.region }, g.listed);
    m.findingsWritten.inc({ region: g.region }, g.written);
    if (g.status !== "OK") log().warn({ region: g.region, status: g.status, error: g.error ?? undefined }, "sync region not fully synced");
  }
  const line = {
    trigger: r.trigger, outcome: r.outcome, seconds: Math.round(r.seconds * 10) / 10, apiRequests: r.apiRequests, throttled: r.throttled,
    findingsListed: r.regions.reduce((n, g) => n + g.listed, 0), findingsWritten: r.regions.reduce((n, g) => n + g.written, 0),
  };
  if (r.outcome === "FAILED") log().error({ ...line, error: r.error }, "sync run failed");
  else log().info(line, "sync run finished");
}
