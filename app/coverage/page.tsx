import { Suspense } from "react";
import { scopeForRequest } from "@/lib/queries/scope";
import { overviewFrame } from "@/lib/queries/posture/overview-reads";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CardSkeleton } from "@/components/ui/card";
import { EcrRescanCard } from "@/components/coverage/ecr-rescan-card";
import { ScanConfigLoader } from "@/components/coverage/scan-config-loader";
import { CodeRepositoriesLoader } from "@/components/coverage/code-repositories";
import { CoverageMatrixLoader, CoverageTilesLoader, GapListsLoader, ReasonsLoader } from "@/components/coverage/coverage-loaders";

export const dynamic = "force-dynamic";
export const metadata = { title: "Coverage" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await scopeForRequest();
  const header = <PageHeader title="Coverage" subtitle="What Inspector scans, what it does not, and why" />;
  if (!(await overviewFrame(scope)).hasData) {
    return (
      <>
        {header}
        <EmptyState />
      </>
    );
  }
  const all = (await searchParams).all === "1";
  return (
    <>
      {header}
      <div className="space-y-5">
        <Suspense fallback={<CardSkeleton height={120} />}>
          <ScanConfigLoader scope={scope} />
        </Suspense>
        <Suspense fallback={<CardSkeleton height={86} />}>
          <CoverageTilesLoader scope={scope} />
        </Suspense>
        <div className="grid grid-cols-1 gap-5 2xl:grid-cols-2">
          <Suspense fallback={<CardSkeleton height={600} />}>
            <ReasonsLoader scope={scope} />
          </Suspense>
          <Suspense fallback={<CardSkeleton height={600} />}>
            <CoverageMatrixLoader scope={scope} all={all} />
          </Suspense>
        </div>
        <Suspense fallback={<CardSkeleton height={240} />}>
          <GapListsLoader scope={scope} />
        </Suspense>
        <Suspense fallback={<CardSkeleton height={120} />}>
          <EcrRescanCard scope={scope} />
        </Suspense>
        <Suspense fallback={<CardSkeleton height={160} />}>
          <CodeRepositoriesLoader scope={scope} />
        </Suspense>
      </div>
    </>
  );
}
