// Next.js calls register() once per server process: request ids, logs and latency for every
// request, and the in-app sync schedule. Node.js runtime only (the documented pattern, so the
// edge bundle never sees the sync code).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installHttpObserver } = await import("./lib/ops/http-observer");
    installHttpObserver();
    const { metrics } = await import("./lib/ops/metrics");
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
