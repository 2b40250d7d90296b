import { cache } from "react";
import type { Scope } from "@/lib/queries/scope";
import { getEnablementSummary, getLastSync, getOpenBreakdown } from "@/lib/queries/posture/overview-tiles";
import { OverviewTiles } from "./overview-tiles";
import { StackedBars } from "@/components/charts/stacked-bars";
import { Card } from "@/components/ui/card";
import { resourceTypeLabel, type ResourceType } from "@/lib/domain/finding-enums";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { rollUp } from "@/components/charts/severity-rollup";

// Tiles and resource-type bars read the same pass over open findings: once per request.
const openBreakdown = cache(getOpenBreakdown);

export async function OverviewTilesLoader({ scope, regions }: { scope: Scope; regions: string[] }) {
  const [breakdown, enablement, lastSync] = await Promise.all([openBreakdown(scope, regions), getEnablementSummary(scope, regions), getLastSync(scope)]);
  return <OverviewTiles breakdown={breakdown} enablement={enablement} lastSync={lastSync} regions={regions} />;
}

/** Open findings by resource type, from the same breakdown query as the tiles. */
export async function ResourceTypeBarsLoader({ scope, regions }: { scope: Scope; regions: string[] }) {
  const rows = rollUp(await openBreakdown(scope, regions), (r) => r.resource_type);
  return (
    <Card title="Open findings by resource type">
      <StackedBars
        rows={rows.map((r) => ({ ...r, label: resourceTypeLabel[r.key as ResourceType] ?? r.key, href: findingsHref({ resourceType: [r.key as ResourceType], region: regions }) }))}
      />
    </Card>
  );
}
