// Next.js calls register() once per server process: the line at the door, request ids, logs and
// latency for every request, and the in-app sync schedule. Node.js runtime only (the documented pattern, so the
// edge bundle never sees the sync code).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The line at the door first, so the observer (installed after it, around it) counts a request
    // from its arrival: its id, log line and latency include its wait.
    const { metrics } = await import("./lib/ops/metrics");
    const { env } = await import("./lib/env");
    const { installRequestAdmission } = await import("./lib/ops/request-admission");
    installRequestAdmission(env().INSPECTORATE_WEB_CONCURRENCY, (seconds) => metrics().httpQueueWait.observe(seconds));
    const { installHttpObserver } = await import("./lib/ops/http-observer");
    installHttpObserver();
    metrics(); // a web worker answers the cluster's metrics requests from its start
    const { startAppScheduler } = await import("./lib/sync/app-scheduler");
    startAppScheduler();
    const { startAlertsWorker } = await import("./lib/alerts/worker");
    startAlertsWorker();
    const { startViewsWarmer } = await import("./lib/queries/views-warmer");
    startViewsWarmer();
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { loadConfiguredPolicies } = await import("./lib/actions/gate-policy-files");
      void loadConfiguredPolicies();
    }
  }
}
