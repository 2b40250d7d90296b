import Link from "next/link";
import { scopeForRequest } from "@/lib/queries/scope";
import { listCoverageResources } from "@/lib/queries/coverage/coverage-resources";
import { coverageResourcesHref, parseCoverageResourcesFilter } from "@/lib/queries/coverage/coverage-resources-filter";
import { explainScanStatusReason } from "@/lib/domain/scan-status-reasons";
import { scanTypeLabel } from "@/lib/domain/finding-enums";
import { PageHeader } from "@/components/ui/page-header";
import { FilterIssues } from "@/components/ui/filter-issues";
import { formatCount } from "@/components/ui/format";
import { CoverageResourcesTable } from "@/components/coverage/coverage-resources-table";
import { ScrollArea } from "@/components/ui/scroll-area";

export const dynamic = "force-dynamic";
export const metadata = { title: "Coverage resources" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { filter, issues } = parseCoverageResourcesFilter(await searchParams);
  const result = await listCoverageResources(await scopeForRequest(), filter);
  const info = filter.reason ? explainScanStatusReason(filter.reason) : undefined;
  const what = [filter.scanType && scanTypeLabel[filter.scanType], filter.account && `account ${filter.account}`, filter.region].filter(Boolean).join(" · ");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted"><Link href="/coverage" className="hover:text-accent">Coverage</Link> › resources</nav>
      <PageHeader
        title={info ? info.label : filter.status === "ACTIVE" ? "Scanned resources" : "Resources not scanned"}
        subtitle={`${formatCount(result.total)} resources${what ? ` · ${what}` : ""}`}
        actions={
          <Link href={coverageResourcesHref({ ...filter, after: undefined, status: filter.status === "ACTIVE" ? "INACTIVE" : "ACTIVE" })} className="rounded-md border border-line bg-white px-3 py-1 text-sm font-semibold hover:border-accent">
            Show {filter.status === "ACTIVE" ? "unscanned" : "scanned"} instead
          </Link>
        }
      />
      <FilterIssues issues={issues} />
      {info && (
        <div className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm" data-testid="reason-explanation">
          <p><span className="font-semibold">Cause: </span>{info.cause}</p>
          <p className="mt-1"><span className="font-semibold">Fix: </span>{info.fix}</p>
          <p className="mt-1 font-mono text-[11px] text-muted">{info.code}</p>
        </div>
      )}
      <ScrollArea label="Resources" className="rounded-lg border border-line bg-panel shadow-sm">
        {result.rows.length ? <CoverageResourcesTable rows={result.rows} /> : <p className="px-4 py-10 text-center text-sm text-muted">No resources match.</p>}
      </ScrollArea>
      <div className="mt-3 flex justify-end gap-2 text-sm">
        {filter.after && <Link href={coverageResourcesHref({ ...filter, after: undefined })} className="rounded-md border border-line bg-white px-3 py-1 font-semibold hover:border-accent">« First page</Link>}
        {result.next && <Link href={coverageResourcesHref({ ...filter, after: result.next })} className="rounded-md border border-line bg-white px-3 py-1 font-semibold hover:border-accent">Next page »</Link>}
      </div>
    </>
  );
}
