import { Suspense } from "react";
import { scopeForRequest } from "@/lib/queries/scope";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { findingsSearchParams } from "@/lib/queries/findings/findings-href";
import { explorerResult } from "@/lib/queries/findings/explorer-reads";
import { alertChipName } from "@/lib/queries/findings/alert-rule-name";
import { filterOptions } from "@/lib/queries/accounts/account-options";
import { overviewFrame } from "@/lib/queries/posture/overview-reads";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CardSkeleton } from "@/components/ui/card";
import { FindingsExplorer } from "@/components/findings/findings-explorer";

export const dynamic = "force-dynamic";
export const metadata = { title: "Findings" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  const scope = await scopeForRequest();
  const header = <PageHeader title="Findings" subtitle="Every finding in the cache, across accounts and regions; the filter lives in the link" />;
  if (!(await overviewFrame(scope)).hasData) {
    return (
      <>
        {header}
        <EmptyState />
      </>
    );
  }
  return (
    <>
      {header}
      <Suspense fallback={<CardSkeleton height={600} />}>
        <ExplorerLoader searchParams={searchParams} />
      </Suspense>
    </>
  );
}

async function ExplorerLoader({ searchParams }: Props) {
  const scope = await scopeForRequest();
  // Invalid fields are dropped here too; the client shows which ones from the same URL.
  const { filter } = parseFindingsFilter(await searchParams);
  const [result, options, alertRule] = await Promise.all([explorerResult(scope, filter), filterOptions(scope), alertChipName(scope, filter.alert)]);
  return <FindingsExplorer initial={{ qs: findingsSearchParams(filter).toString(), result }} options={options} alertRule={alertRule} />;
}
