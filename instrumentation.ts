// Next.js calls register() once per server process: start the in-app sync schedule there.
// Node.js runtime only (the documented pattern, so the edge bundle never sees the sync code).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startAppScheduler } = await import("./lib/sync/app-scheduler");
    startAppScheduler();
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { loadConfiguredPolicies } = await import("./lib/actions/gate-policy-files");
      void loadConfiguredPolicies();
    }
  }
}
