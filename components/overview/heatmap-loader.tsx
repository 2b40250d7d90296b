import type { Scope } from "@/lib/queries/scope";
import type { OverviewFilter } from "@/lib/queries/posture/overview-filter";
import { getSeverityHeatmap } from "@/lib/queries/posture/severity-heatmap";
import { Card } from "@/components/ui/card";
import { SeverityHeatmap } from "./severity-heatmap";

export async function HeatmapLoader({ scope, filter }: { scope: Scope; filter: OverviewFilter }) {
  const rows = await getSeverityHeatmap(scope, filter.region);
  return (
    <Card title="Open findings by account and severity">
      <SeverityHeatmap rows={rows} regions={filter.region} sort={filter.sort} group={filter.group} />
    </Card>
  );
}
