import type { Scope } from "@/lib/queries/scope";
import { getEnablementSummary, getLastSync } from "@/lib/queries/posture/overview-tiles";
import { openAggregates } from "@/lib/queries/posture/overview-reads";
import { resourceTypeLabel, type ResourceType } from "@/lib/domain/finding-enums";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { StackedBars } from "@/components/charts/stacked-bars";
import { rollUp } from "@/components/charts/severity-rollup";
import { Card } from "@/components/ui/card";
import { OverviewTiles } from "./overview-tiles";

export async function OverviewTilesLoader({ scope, regions }: { scope: Scope; regions: string[] }) {
  const [aggregates, enablement, lastSync] = await Promise.all([openAggregates(scope, regions), getEnablementSummary(scope, regions), getLastSync(scope)]);
  return <OverviewTiles breakdown={aggregates.byType} enablement={enablement} lastSync={lastSync} regions={regions} />;
}

export async function ResourceTypeBarsLoader({ scope, regions }: { scope: Scope; regions: string[] }) {
  const rows = rollUp((await openAggregates(scope, regions)).byType, (r) => r.resource_type);
  return (
    <Card title="Open findings by resource type">
      <StackedBars rows={rows.map((r) => ({ ...r, label: resourceTypeLabel[r.key as ResourceType] ?? r.key, href: findingsHref({ resourceType: [r.key as ResourceType], region: regions }) }))} />
    </Card>
  );
}

export async function RegionBarsLoader({ scope, regions }: { scope: Scope; regions: string[] }) {
  const rows = rollUp((await openAggregates(scope, regions)).byRegion, (r) => r.region);
  return (
    <Card title="Open findings by region">
      <StackedBars rows={rows.map((r) => ({ ...r, label: r.key, href: findingsHref({ region: [r.key] }) }))} />
    </Card>
  );
}
