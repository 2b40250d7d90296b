import type { Scope } from "@/lib/queries/scope";
import { inUseParam, type InUseMode } from "@/lib/domain/in-use";
import { getLastSync } from "@/lib/queries/posture/overview-tiles";
import { enablementSummary, openAggregates } from "@/lib/queries/posture/overview-reads";
import { resourceTypeLabel, type ResourceType } from "@/lib/domain/finding-enums";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { otherCloudTypeLabel } from "@/lib/queries/posture/provider-rows";
import { StackedBars } from "@/components/charts/stacked-bars";
import { rollUp } from "@/components/charts/severity-rollup";
import { Card } from "@/components/ui/card";
import { OverviewTiles } from "./overview-tiles";

type Props = { scope: Scope; regions: string[]; inUse?: InUseMode };

export async function OverviewTilesLoader({ scope, regions, inUse = "only" }: Props) {
  const [aggregates, enablement, lastSync] = await Promise.all([openAggregates(scope, regions, inUse), enablementSummary(scope, regions), getLastSync(scope)]);
  return <OverviewTiles breakdown={aggregates.byType} enablement={enablement} lastSync={lastSync} regions={regions} inUse={inUse} />;
}

export async function ResourceTypeBarsLoader({ scope, regions, inUse = "only" }: Props) {
  const rows = rollUp((await openAggregates(scope, regions, inUse)).byType, (r) => r.resource_type);
  return (
    <Card title="Open findings by resource type">
      <StackedBars rows={rows.map((r) => {
        const known = r.key in resourceTypeLabel;
        // Another cloud's types are not explorer resource types: those bars open the provider instead.
        const filter = known ? { resourceType: [r.key as ResourceType] } : { provider: [r.key.startsWith("Microsoft.") ? "AZURE" : "AWS"] };
        return { ...r, label: known ? resourceTypeLabel[r.key as ResourceType] : otherCloudTypeLabel(r.key), href: findingsHref({ ...filter, region: regions, inUse: inUseParam(inUse) }) };
      })} />
    </Card>
  );
}

export async function RegionBarsLoader({ scope, regions, inUse = "only" }: Props) {
  const rows = rollUp((await openAggregates(scope, regions, inUse)).byRegion, (r) => r.region);
  return (
    <Card title="Open findings by region">
      <StackedBars rows={rows.map((r) => ({ ...r, label: r.key, href: findingsHref({ region: [r.key], inUse: inUseParam(inUse) }) }))} />
    </Card>
  );
}
