// Prometheus metrics (prom-client), one registry per process kept on globalThis so the
// instrumentation bundle, route handlers and the sync count into the same series.
import client from "prom-client";
import { shareRegistryWithCluster } from "./cluster-metrics";
import { collectDatabaseGauges } from "./metrics-database";
import { currentAdmission } from "./request-admission";

const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const syncBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];

function build() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "inspectorate_" });
  const m = {
    registry,
    syncRuns: new client.Counter({ name: "inspectorate_sync_runs_total", help: "Sync runs finished in this process, by trigger and outcome", labelNames: ["trigger", "outcome"], registers: [registry] }),
    syncDuration: new client.Histogram({ name: "inspectorate_sync_duration_seconds", help: "Sync run duration by outcome", labelNames: ["outcome"], buckets: syncBuckets, registers: [registry] }),
    findingsListed: new client.Counter({ name: "inspectorate_sync_findings_listed_total", help: "Findings listed from Inspector by sync runs", labelNames: ["region"], registers: [registry] }),
    findingsWritten: new client.Counter({ name: "inspectorate_sync_findings_written_total", help: "Findings written to the cache by sync runs", labelNames: ["region"], registers: [registry] }),
    awsRequests: new client.Counter({ name: "inspectorate_aws_requests_total", help: "AWS API requests (each attempt)", labelNames: ["region", "operation"], registers: [registry] }),
    awsThrottles: new client.Counter({ name: "inspectorate_aws_throttles_total", help: "AWS API attempts answered with throttling", labelNames: ["region", "operation"], registers: [registry] }),
    awsErrors: new client.Counter({ name: "inspectorate_aws_errors_total", help: "AWS API calls that failed after retries, by error class", labelNames: ["region", "operation", "kind"], registers: [registry] }),
    httpDuration: new client.Histogram({ name: "inspectorate_http_request_duration_seconds", help: "Page and API response time", labelNames: ["kind", "route", "method", "status"], buckets: durationBuckets, registers: [registry] }),
    groupsRechecks: new client.Counter({ name: "inspectorate_groups_rechecks_total", help: "Sessions' groups rechecked at the identity provider, by outcome (unchanged, changed, ended, unreachable)", labelNames: ["outcome"], registers: [registry] }),
    httpQueueWait: new client.Histogram({ name: "inspectorate_http_queue_wait_seconds", help: "Time a page or API request waited for its turn (INSPECTORATE_WEB_CONCURRENCY)", buckets: durationBuckets, registers: [registry] }),
  };
  // The line at the door (request-admission.ts), summed across web workers.
  new client.Gauge({ name: "inspectorate_http_requests_waiting", help: "Page and API requests waiting for their turn", registers: [registry], collect() { this.set(currentAdmission()?.waiting ?? 0); } });
  new client.Gauge({ name: "inspectorate_http_requests_serving", help: "Page and API requests holding one of the places (downloads, assets and probes not counted, nor one still running past its 500 ms hold)", registers: [registry], collect() { this.set(currentAdmission()?.serving ?? 0); } });
  // 1 per process, summed across web workers: how many processes a scrape's numbers cover.
  new client.Gauge({ name: "inspectorate_web_workers", help: "Web server processes whose metrics this scrape sums", registers: [registry], collect() { this.set(1); } });
  collectDatabaseGauges(registry);
  shareRegistryWithCluster(registry);
  return m;
}

export type Metrics = ReturnType<typeof build>;
const holder = globalThis as { __inspectorateMetrics?: Metrics };

export function metrics(): Metrics {
  holder.__inspectorateMetrics ??= build();
  return holder.__inspectorateMetrics;
}
