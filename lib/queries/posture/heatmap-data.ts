// Every heatmap row in scope (AWS accounts, then other clouds' accounts), for the overview's first
// paint and for /api/overview/heatmap, which sends the rest when someone asks for it. Memoised like
// the counts it merges, until the data changes (sync-version.ts: findings, accounts and
// account_regions, where the sync problems come from, all move the version): merging 1,000 accounts
// took ~4 ms of the render thread per overview under load.
import type { Scope } from "@/lib/queries/scope";
import type { OverviewFilter } from "./overview-filter";
import { openAggregates } from "./overview-reads";
import { overviewMemo } from "./sync-version";
import { markOtherClouds, providerHeatmapRows } from "./provider-rows";
import { getHeatmapAccounts, mergeHeatmap, type HeatmapRow } from "./severity-heatmap";

export function heatmapRows(scope: Scope, filter: Pick<OverviewFilter, "region" | "inUse">): Promise<HeatmapRow[]> {
  return overviewMemo().get(`heatmap:${JSON.stringify([scope, filter.region, filter.inUse])}`, () => readHeatmapRows(scope, filter));
}

async function readHeatmapRows(scope: Scope, filter: Pick<OverviewFilter, "region" | "inUse">): Promise<HeatmapRow[]> {
  const [accounts, aggregates] = await Promise.all([getHeatmapAccounts(scope, filter.region), openAggregates(scope, filter.region, filter.inUse)]);
  return [...markOtherClouds(mergeHeatmap(accounts, aggregates.byAccount), aggregates.byProvider), ...providerHeatmapRows(aggregates.byProvider)];
}
