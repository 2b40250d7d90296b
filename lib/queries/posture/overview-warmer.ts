// Warms the organization-wide overview after every run this process finishes (schedule, "Sync now",
// POST /api/sync). A failure is logged by kind and leaves the memo to fill on the first view.
import { onRunFinished } from "@/lib/sync/run-listeners";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";
import { log } from "@/lib/ops/logger";
import { allScope } from "@/lib/queries/scope";
import { warmOrgOverview } from "./overview-reads";
import { heatmapRows } from "./heatmap-data";

const holder = globalThis as { __inspectorateOverviewWarmer?: () => void; __inspectorateOverviewWarming?: Promise<void> };

/** The latest warming, settled once it is done (whatever its outcome). */
export const overviewWarming = (): Promise<void> | undefined => holder.__inspectorateOverviewWarming;

/** Starts listening once per process; returns the stop. */
export function startOverviewWarmer(): () => void {
  holder.__inspectorateOverviewWarmer ??= onRunFinished(() => {
    const started = Date.now();
    holder.__inspectorateOverviewWarming = Promise.all([warmOrgOverview(), heatmapRows(allScope, { region: [], inUse: "only" })]).then(
      () => log().info({ component: "overview", ms: Date.now() - started }, "overview warmed after a run"),
      (err) => log().warn({ component: "overview", kind: internalErrorKind(err) }, "warming the overview after a run failed"),
    );
  });
  return () => {
    holder.__inspectorateOverviewWarmer?.();
    holder.__inspectorateOverviewWarmer = undefined;
  };
}
