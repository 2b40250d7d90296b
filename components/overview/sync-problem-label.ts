// How an account's sync problems read on the heatmaps and the accounts table, and why its counts are
// unknown when no region of it ever synced ("—", never 0).
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";

export const problemLabel: Record<string, string> = { INSPECTOR_DISABLED: "Inspector off", ACCESS_DENIED: "no access", ERROR: "sync error", NEVER_SYNCED: "not synced" };

/** The reason shown instead of counts, or undefined when the counts are known. */
export function unknownCountsReason(r: Pick<HeatmapRow, "noData" | "syncProblems">): string | undefined {
  if (!r.noData) return undefined;
  const why = r.syncProblems.map((p) => problemLabel[p] ?? p.toLowerCase()).join(", ");
  return `no data: ${why || "not synced"}`;
}
