import { Suspense } from "react";
import { scopeForRequest, seesWholeOrg } from "@/lib/queries/scope";
import { parseOverviewFilter } from "@/lib/queries/posture/overview-filter";
import { overviewFrame } from "@/lib/queries/posture/overview-reads";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CardSkeleton } from "@/components/ui/card";
import { SeverityLegend } from "@/components/charts/stacked-bars";
import { OverviewTilesLoader, RegionBarsLoader, ResourceTypeBarsLoader } from "@/components/overview/overview-tiles-loader";
import { OverviewTilesSkeleton } from "@/components/overview/overview-tiles";
import { HeatmapLoader } from "@/components/overview/heatmap-loader";
import { TopRisksLoader } from "@/components/overview/top-risks-loader";
import { RegionFilter } from "@/components/overview/region-filter";
import { overviewHref } from "@/lib/queries/posture/overview-href";
import { InUseSwitch } from "@/components/usage/in-use-switch";
import { InUseSwitchLoader } from "@/components/usage/in-use-switch-loader";
import { CostTotalLoader } from "@/components/overview/cost-total";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filter = parseOverviewFilter(await searchParams);
  const scope = await scopeForRequest();
  const { hasData, regions } = await overviewFrame(scope);
  if (!hasData) {
    return (
      <>
        <PageHeader title="Overview" subtitle="Organization posture at a glance" />
        <EmptyState />
      </>
    );
  }
  const where = filter.region.length ? filter.region.join(", ") : "all regions";
  const switchHref = overviewHref({ ...filter, inUse: filter.inUse === "only" ? "all" : "only" });
  return (
    <>
      <PageHeader title="Overview" subtitle={`Open Amazon Inspector findings across ${seesWholeOrg(scope) ? "the organization" : "your accounts"} · ${where}`} actions={<RegionFilter regions={regions} filter={filter} />} />
      <div className="space-y-5">
        <Suspense fallback={<InUseSwitch on={filter.inUse === "only"} href={switchHref} />}>
          <InUseSwitchLoader scope={scope} regions={filter.region} on={filter.inUse === "only"} href={switchHref} />
        </Suspense>
        <Suspense fallback={<OverviewTilesSkeleton />}>
          <OverviewTilesLoader scope={scope} regions={filter.region} inUse={filter.inUse} />
        </Suspense>
        <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_29rem]">
          <Suspense fallback={<CardSkeleton height={640} />}>
            <HeatmapLoader scope={scope} filter={filter} />
          </Suspense>
          <div className="min-w-0 space-y-5">
            <Suspense fallback={<CardSkeleton height={420} />}>
              <TopRisksLoader scope={scope} regionFiltered={filter.region.length > 0} />
            </Suspense>
            <Suspense fallback={<CardSkeleton height={110} />}>
              <CostTotalLoader scope={scope} />
            </Suspense>
            <Suspense fallback={<CardSkeleton height={200} />}>
              <ResourceTypeBarsLoader scope={scope} regions={filter.region} inUse={filter.inUse} />
            </Suspense>
            <Suspense fallback={<CardSkeleton height={200} />}>
              <RegionBarsLoader scope={scope} regions={filter.region} inUse={filter.inUse} />
            </Suspense>
            <SeverityLegend />
          </div>
        </div>
      </div>
    </>
  );
}
