import Link from "next/link";
import { everyAccountLabel, scopeForRequest, seesWholeOrg } from "@/lib/queries/scope";
import { accountsHeatmap, costByAccount, coverageMatrix } from "@/lib/queries/per-account-reads";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AccountsTable, accountSorts, sortAccountRows, type AccountSort } from "@/components/accounts/accounts-table";
import { ScrollArea } from "@/components/ui/scroll-area";

export const dynamic = "force-dynamic";
const shownAccounts = 100;
export const metadata = { title: "Accounts" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const sort: AccountSort = accountSorts.includes(params.sort as AccountSort) ? (params.sort as AccountSort) : "critical";
  const q = typeof params.q === "string" ? params.q.trim().toLowerCase() : "";
  const scope = await scopeForRequest();
  const [heat, coverage, costs] = await Promise.all([accountsHeatmap(scope), coverageMatrix(scope), costByAccount(scope)]);
  // Accounts that left Inspector or the organization stay listed (with their last state), so say how many.
  const departed = heat.filter((r) => r.left).length;
  // A scoped viewer's list is their accounts, not the organization's: the count says which.
  const counted = seesWholeOrg(scope) ? `${heat.length - departed} accounts in the organization` : everyAccountLabel(false, heat.length - departed);
  const header = <PageHeader title="Accounts" subtitle={`${counted}${departed ? ` and ${departed} that left the organization or Inspector` : ""}: open findings, coverage and sync state`} />;
  if (!heat.length) {
    return (
      <>
        {header}
        <EmptyState />
      </>
    );
  }
  const byId = new Map(coverage.map((c) => [c.accountId, c]));
  const matches = (r: (typeof heat)[number]) => !q || [r.accountId, r.name, r.ou, r.owner].some((v) => v?.toLowerCase().includes(q));
  const rows = sortAccountRows(heat.filter(matches).map((r) => ({ ...r, coverage: byId.get(r.accountId), cost: costs.get(r.accountId) })), sort);
  const all = params.all === "1";
  // A thousand rows of links is a 4 MB page: show the worst 100 unless asked for all.
  const shown = all ? rows : rows.slice(0, shownAccounts);
  const sortHref = (s: AccountSort) => `/accounts?${new URLSearchParams({ ...(q ? { q } : {}), sort: s, ...(all ? { all: "1" } : {}) })}`;
  return (
    <>
      {header}
      <form className="mb-3 flex flex-wrap items-center gap-2" role="search" aria-label="Accounts">
        <input name="q" aria-label="Filter accounts" defaultValue={q} placeholder="Filter by name, id, OU or owner" className="w-full max-w-80 min-w-0 rounded-md border border-field bg-white px-2 py-1.5 text-sm" />
        <input type="hidden" name="sort" value={sort} />
        <button className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-white">Filter</button>
        {all && <input type="hidden" name="all" value="1" />}
        {q && <span className="text-sm text-muted">{rows.length} of {heat.length}</span>}
      </form>
      <ScrollArea label="Accounts" className="rounded-lg border border-line bg-panel shadow-sm">
        <AccountsTable rows={shown} sort={sort} sortHref={sortHref} />
      </ScrollArea>
      {shown.length < rows.length && (
        <Link href={`/accounts?${new URLSearchParams({ ...(q ? { q } : {}), sort, all: "1" })}`} className="mt-3 inline-block text-sm font-semibold text-accent hover:underline">
          Show all {rows.length} accounts ({rows.length - shown.length} more)
        </Link>
      )}
    </>
  );
}
