// Next.js calls register() once per server process: start the in-app sync schedule there
// (Node.js runtime only; the edge runtime and the build have no database to sync into).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAppScheduler } = await import("./lib/sync/app-scheduler");
  startAppScheduler();
}
