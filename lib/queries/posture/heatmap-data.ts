// Every heatmap row in scope (AWS accounts, then other clouds' accounts), for the overview's first
// paint and for /api/overview/heatmap, which sends the rest when someone asks for it.
import type { Scope } from "@/lib/queries/scope";
import type { OverviewFilter } from "./overview-filter";
import { openAggregates } from "./overview-reads";
import { markOtherClouds, providerHeatmapRows } from "./provider-rows";
import { getHeatmapAccounts, mergeHeatmap, type HeatmapRow } from "./severity-heatmap";

export async function heatmapRows(scope: Scope, filter: Pick<OverviewFilter, "region" | "inUse">): Promise<HeatmapRow[]> {
  const [accounts, aggregates] = await Promise.all([getHeatmapAccounts(scope, filter.region), openAggregates(scope, filter.region, filter.inUse)]);
  return [...markOtherClouds(mergeHeatmap(accounts, aggregates.byAccount), aggregates.byProvider), ...providerHeatmapRows(aggregates.byProvider)];
}
