import type { Scope } from "@/lib/queries/scope";
import type { OverviewFilter } from "@/lib/queries/posture/overview-filter";
import { getHeatmapAccounts, mergeHeatmap } from "@/lib/queries/posture/severity-heatmap";
import { Card } from "@/components/ui/card";
import { SeverityHeatmap } from "./severity-heatmap";
import { openAggregates } from "@/lib/queries/posture/overview-reads";
import { markOtherClouds, providerHeatmapRows } from "@/lib/queries/posture/provider-rows";

export async function HeatmapLoader({ scope, filter }: { scope: Scope; filter: OverviewFilter }) {
  const [accounts, aggregates] = await Promise.all([getHeatmapAccounts(scope, filter.region), openAggregates(scope, filter.region, filter.inUse)]);
  const rows = [...markOtherClouds(mergeHeatmap(accounts, aggregates.byAccount), aggregates.byProvider), ...providerHeatmapRows(aggregates.byProvider)];
  return (
    <Card title="Open findings by account and severity">
      <SeverityHeatmap rows={rows} regions={filter.region} sort={filter.sort} group={filter.group} inUse={filter.inUse} />
    </Card>
  );
}
