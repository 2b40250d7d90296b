"use client";
// The findings explorer: URL-driven filter bar, list or group view, keyset pager and CSV export.
import type { FilterOptions } from "@/lib/queries/accounts/account-options";
import type { ExplorerResult } from "@/lib/queries/findings/explorer-result";
import type { AlertRuleName } from "@/lib/queries/findings/alert-ref";
import { findingsGroups, type FindingsGroup } from "@/lib/queries/findings/findings-fields";
import { findingsSorts, type FindingsSort } from "@/lib/queries/findings/findings-cursor";
import { findingsExportHref, withFilter } from "@/lib/queries/findings/findings-href";
import { FilterIssues } from "@/components/ui/filter-issues";
import { formatCount } from "@/components/ui/format";
import { ActiveFilters } from "./active-filters";
import { InUseToggle } from "./in-use-toggle";
import { FilterBar } from "./filter-bar";
import { FindingsTable } from "./findings-table";
import { GroupTable } from "./group-table";
import { useExplorerState } from "./explorer-state";
import { ScrollArea } from "@/components/ui/scroll-area";

const sortLabel: Record<FindingsSort, string> = { score: "Inspector score", severity: "Severity", age: "Oldest first", epss: "EPSS" };
const groupLabel: Record<FindingsGroup, string> = { cve: "CVE", package: "Package", resource: "Resource", ami: "AMI", image: "Image" };

export function FindingsExplorer({ initial, options, alertRule = null }: { initial: { qs: string; result: ExplorerResult }; options: FilterOptions; alertRule?: AlertRuleName | null }) {
  const { filter, issues, query, navigate } = useExplorerState(initial);
  const result = query.data;
  const go = (qs: string) => navigate(qs ? `/findings?${qs}` : "/findings");
  const qsKey = JSON.stringify(filter);
  return (
    <div className="space-y-4">
      <FilterIssues issues={issues} />
      <FilterBar key={qsKey} filter={filter} options={options} onApply={go} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm" aria-live="polite" data-testid="findings-total">
            {result ? (
              <>
                <span className="font-semibold tabular-nums">{formatCount(result.total)}{result.totalCapped && "+"}</span> findings
                {result.kind === "groups" && <> in <span className="font-semibold tabular-nums">{formatCount(result.totalGroups)}</span> {groupLabel[filter.group!].toLowerCase()} groups</>}
              </>
            ) : (
              "Loading…"
            )}
            {query.isFetching && <span className="ml-2 text-xs text-muted">updating…</span>}
          </p>
          <InUseToggle filter={filter} navigate={navigate} />
          <ActiveFilters filter={filter} onApply={go} alertRule={alertRule} />
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <label className="flex items-center gap-1.5">
            <span className="text-xs font-semibold uppercase tracking-wide text-muted">Sort</span>
            <select value={filter.sort} onChange={(e) => navigate(withFilter(filter, { sort: e.target.value as FindingsSort }))} className="rounded-md border border-field bg-white px-2 py-1">
              {findingsSorts.map((s) => <option key={s} value={s}>{sortLabel[s]}</option>)}
            </select>
          </label>
          <label className="flex items-center gap-1.5">
            <span className="text-xs font-semibold uppercase tracking-wide text-muted">Group by</span>
            <select value={filter.group ?? ""} onChange={(e) => navigate(withFilter(filter, { group: (e.target.value || undefined) as FindingsGroup | undefined }))} className="rounded-md border border-field bg-white px-2 py-1" data-testid="group-select">
              <option value="">No grouping</option>
              {findingsGroups.map((g) => <option key={g} value={g}>{groupLabel[g]}</option>)}
            </select>
          </label>
          <label className="flex items-center gap-1.5">
            <span className="text-xs font-semibold uppercase tracking-wide text-muted">Rows</span>
            <select value={filter.limit} onChange={(e) => navigate(withFilter(filter, { limit: Number(e.target.value) }))} className="rounded-md border border-field bg-white px-2 py-1">
              {[...new Set([25, 50, 100, 200, filter.limit])].sort((a, b) => a - b).map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <a href={findingsExportHref(filter)} download className="rounded-md border border-line bg-white px-3 py-1 font-semibold hover:border-accent hover:text-accent" data-testid="export-csv">
            Export CSV
          </a>
        </div>
      </div>
      {query.isError && <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">Could not load findings: {query.error.message}</p>}
      <ScrollArea label="Findings" className={`rounded-lg border border-line bg-panel shadow-sm transition-opacity ${query.isFetching ? "opacity-60" : ""}`}>
        {result?.kind === "list" &&
          (result.rows.length ? (
            <FindingsTable rows={result.rows} sort={filter.sort} onSort={(sort) => navigate(withFilter(filter, { sort }))} />
          ) : (
            <p className="px-4 py-10 text-center text-sm text-muted">No findings match this filter.</p>
          ))}
        {result?.kind === "groups" && filter.group && (result.groups.length ? <GroupTable groups={result.groups} group={filter.group} filter={filter} /> : <p className="px-4 py-10 text-center text-sm text-muted">No groups match this filter.</p>)}
      </ScrollArea>
      {result?.kind === "list" && (result.page > 1 || result.nextCursor) && (
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-muted">
            Page {result.page} · rows {formatCount((result.page - 1) * filter.limit + 1)}–{formatCount((result.page - 1) * filter.limit + result.rows.length)} of {formatCount(result.total)}{result.totalCapped && "+"}
          </span>
          <span className="flex gap-2">
            {result.page > 1 && <button type="button" onClick={() => navigate(withFilter(filter, {}))} className="rounded-md border border-line bg-white px-3 py-1 font-semibold hover:border-accent">« First page</button>}
            {result.nextCursor && <button type="button" onClick={() => navigate(withFilter(filter, { cursor: result.nextCursor! }))} className="rounded-md border border-line bg-white px-3 py-1 font-semibold hover:border-accent" data-testid="next-page">Next page »</button>}
          </span>
        </nav>
      )}
    </div>
  );
}
