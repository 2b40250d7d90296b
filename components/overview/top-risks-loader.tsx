import type { Scope } from "@/lib/queries/scope";
import { getOpenByRegion, getTopRisks } from "@/lib/queries/posture/top-risks";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { Card } from "@/components/ui/card";
import { StackedBars } from "@/components/charts/stacked-bars";
import { rollUp } from "@/components/charts/severity-rollup";
import { TopRisksCard } from "./top-risks-card";

export async function TopRisksLoader({ scope, regions }: { scope: Scope; regions: string[] }) {
  const risks = await getTopRisks(scope, regions);
  return (
    <Card title="Top risks" actions={<span className="text-xs text-muted">exploit › score › EPSS</span>}>
      <TopRisksCard risks={risks} regions={regions} />
    </Card>
  );
}

export async function RegionBarsLoader({ scope }: { scope: Scope }) {
  const rows = rollUp(await getOpenByRegion(scope), (r) => r.region);
  return (
    <Card title="Open findings by region">
      <StackedBars rows={rows.map((r) => ({ ...r, label: r.key, href: findingsHref({ region: [r.key] }) }))} />
    </Card>
  );
}
