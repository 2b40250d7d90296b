import type { Scope } from "@/lib/queries/scope";
import type { OverviewFilter } from "@/lib/queries/posture/overview-filter";
import { heatmapRows } from "@/lib/queries/posture/heatmap-data";
import { overviewMemo } from "@/lib/queries/posture/sync-version";
import { Card } from "@/components/ui/card";
import { SeverityHeatmap } from "./severity-heatmap";
import { heatmapFirstPaint } from "./heatmap-rows";

/** Rows shown before "Show all", and how many rows a page may carry whole (beyond it, the top rows per sort). */
export const HEATMAP_INITIAL_ROWS = 25;
export const HEATMAP_WHOLE_UP_TO = 100;

/** The first paint (three sorts and two groupings of every row) is computed once per sync and scope. */
const firstPaint = (scope: Scope, filter: OverviewFilter) =>
  overviewMemo().get(`heatmap-first:${JSON.stringify([scope, filter.region, filter.inUse])}`, async () =>
    heatmapFirstPaint(await heatmapRows(scope, filter), HEATMAP_INITIAL_ROWS, HEATMAP_WHOLE_UP_TO));

export async function HeatmapLoader({ scope, filter }: { scope: Scope; filter: OverviewFilter }) {
  const first = await firstPaint(scope, filter);
  return (
    <Card title="Open findings by account and severity">
      <SeverityHeatmap first={first} initialRows={HEATMAP_INITIAL_ROWS} regions={filter.region} sort={filter.sort} group={filter.group} inUse={filter.inUse} />
    </Card>
  );
}
