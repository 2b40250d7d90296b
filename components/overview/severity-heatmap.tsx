"use client";
// The overview heatmap: sort and grouping are client state mirrored into the URL (replaceState,
// so no server round trip); every cell links to the explorer with account/OU/owner + severity.
// The page carries a bounded first paint (heatmapFirstPaint); a large organization's remaining rows
// come from /api/overview/heatmap when someone shows all accounts or opens a group.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Severity } from "@/lib/domain/severity";
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";
import { overviewHref, type HeatmapGroup, type HeatmapSort } from "@/lib/queries/posture/overview-href";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { HeatmapGrid, type HeatRow } from "@/components/charts/heatmap-grid";
import { AccountLifecycleBadge } from "@/components/accounts/account-lifecycle-badge";
import { compareBy, groupAccounts, sortAccounts, type HeatmapFirstPaint, type HeatmapGroupSummary } from "./heatmap-rows";
import { ScrollArea } from "@/components/ui/scroll-area";
import { inUseParam } from "@/lib/domain/in-use";
import { providerRow } from "./provider-row";
import { problemLabel, unknownCountsReason } from "./sync-problem-label";
import { awsOnly } from "./aws-only";


interface Props {
  first: HeatmapFirstPaint;
  initialRows: number;
  regions: string[];
  sort: HeatmapSort;
  group: HeatmapGroup;
  /** The "In use only" switch: links carry it so the explorer counts what the cell counts. */
  inUse?: "only" | "all";
}

export function SeverityHeatmap({ first, initialRows, regions, sort: initialSort, group: initialGroup, inUse = "only" }: Props) {
  const use = inUseParam(inUse);
  const [sort, setSort] = useState(initialSort);
  const [group, setGroup] = useState(initialGroup);
  const [showAll, setShowAll] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const rest = useQuery({
    queryKey: ["heatmap", regions, inUse],
    enabled: !first.complete && (showAll || expanded.size > 0 || (group !== "none" && first.groups[group] === null)),
    staleTime: Infinity,
    queryFn: async ({ signal }): Promise<HeatmapRow[]> => {
      const qs = new URLSearchParams([...regions.map((r) => ["region", r]), ["inUse", inUse]]);
      const res = await fetch(`/api/overview/heatmap?${qs}`, { signal });
      if (!res.ok) throw new Error(`the heatmap API answered ${res.status}`);
      return ((await res.json()) as { rows: HeatmapRow[] }).rows;
    },
  });
  const all = first.complete ? first.rows : rest.data;
  const rows = all ?? first.rows;
  const remember = (next: { sort?: HeatmapSort; group?: HeatmapGroup }) => {
    const s = next.sort ?? sort, g = next.group ?? group;
    setSort(s);
    setGroup(g);
    window.history.replaceState(null, "", overviewHref({ region: regions, sort: s, group: g, inUse }));
  };
  const accountRow = (r: HeatmapRow, indent = false): HeatRow => (r.provider ? providerRow(r, regions, use, indent) : {
    id: r.accountId,
    label: (
      <Link prefetch={false} href={`/accounts/${r.accountId}`} className="hover:text-accent hover:underline">
        {r.name ?? r.accountId}
        {r.name && <span className="ml-1.5 hidden font-mono text-[11px] text-muted sm:inline">{r.accountId}</span>}
      </Link>
    ),
    title: `${r.name ?? ""} ${r.accountId}`.trim(),
    detail: r.left ? <AccountLifecycleBadge left={r.left} className="ml-1.5" /> : r.syncProblems.length ? (
      <span className="ml-1.5 whitespace-nowrap rounded bg-red-50 px-1 text-[10px] font-semibold text-red-800 ring-1 ring-red-600/25" title={`Some regions: ${r.syncProblems.join(", ")}. Zero may not mean clean.`}>
        {r.syncProblems.map((p) => problemLabel[p] ?? p.toLowerCase()).join(", ")}
      </span>
    ) : null,
    counts: r.counts,
    total: r.total,
    unknown: unknownCountsReason(r),
    indent,
    hrefFor: (severity?: Severity) => findingsHref({ account: [r.accountId], severity: severity ? [severity] : [], region: regions, inUse: use, ...awsOnly([r]) }),
  });

  let heatRows: HeatRow[];
  let hidden = 0;
  if (group === "none") {
    const sorted = sortAccounts(rows, sort);
    const shown = showAll && all ? sorted : sorted.slice(0, initialRows);
    hidden = first.total - shown.length;
    heatRows = shown.map((r) => accountRow(r));
  } else {
    // Until every row is here, group headers come from the first paint's summaries.
    const groups: (HeatmapGroupSummary & { accounts: HeatmapRow[] })[] = all
      ? groupAccounts(all, group, sort).map((g) => ({ ...g, size: g.accounts.length, otherClouds: g.accounts.some((a) => a.otherClouds), provider: g.accounts[0]?.provider }))
      : [...(first.groups[group] ?? [])].sort((a, b) => compareBy(sort)({ ...a, name: a.key }, { ...b, name: b.key })).map((g) => ({ ...g, accounts: [] }));
    heatRows = groups.flatMap((g) => {
      const open = expanded.has(g.key);
      const header: HeatRow = {
        id: `group:${g.key}`,
        label: g.key,
        title: g.key,
        counts: g.counts,
        total: g.total,
        group: { expanded: open, size: g.size, onToggle: () => setExpanded((prev) => toggle(prev, g.key)) },
        hrefFor: (severity?: Severity) => g.provider
          ? findingsHref({ provider: [g.provider], severity: severity ? [severity] : [], region: regions, inUse: use })
          : findingsHref({ [group]: [g.key], severity: severity ? [severity] : [], region: regions, inUse: use, ...(g.otherClouds ? { provider: ["AWS"] } : {}) }),
      };
      return open ? [header, ...g.accounts.map((r) => accountRow(r, true))] : [header];
    });
  }

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-4 text-sm">
        <Segmented label="Sort by" value={sort} options={[["critical", "Critical"], ["high", "High"], ["total", "Total"]]} onChange={(v) => remember({ sort: v as HeatmapSort })} />
        <Segmented label="Group by" value={group} options={[["none", "Account"], ["ou", "OU"], ["owner", "Owner"]]} onChange={(v) => remember({ group: v as HeatmapGroup })} />
      </div>
      <ScrollArea label="Heatmap">
        <HeatmapGrid rows={heatRows} caption="Open findings per account and severity" />
      </ScrollArea>
      {hidden > 0 && (
        <button type="button" onClick={() => setShowAll(true)} disabled={showAll && rest.isFetching} className="mt-2 text-sm font-semibold text-accent hover:underline disabled:text-muted">
          {showAll && rest.isFetching ? `Loading ${hidden} more accounts…` : `Show all ${first.total - first.otherCloudRows} accounts${first.otherCloudRows ? ` and ${first.otherCloudRows} other clouds' accounts` : ""} (${hidden} more rows)`}
        </button>
      )}
      {group !== "none" && rest.isFetching && <p className="mt-2 text-sm text-muted">Loading the group&apos;s accounts…</p>}
      {rest.isError && <p role="alert" className="mt-2 text-sm text-red-800">Could not load the other accounts: {rest.error.message}</p>}
    </div>
  );
}


function toggle(set: Set<string>, key: string): Set<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/** A radio group of buttons: one tab stop, arrow keys move and choose (the ARIA radio pattern). */
function Segmented({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void }) {
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const next = (options.findIndex(([v]) => v === value) + step + options.length) % options.length;
    onChange(options[next][0]);
    e.currentTarget.querySelectorAll<HTMLButtonElement>("[role=radio]")[next]?.focus();
  };
  return (
    <div role="radiogroup" aria-label={label} className="flex items-center gap-1" onKeyDown={onKeyDown}>
      <span aria-hidden className="mr-1 text-xs font-semibold uppercase tracking-wide text-muted">{label}</span>
      {options.map(([v, text]) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={v === value}
          tabIndex={v === value ? 0 : -1}
          onClick={() => onChange(v)}
          className={`rounded-md px-2 py-1 text-xs font-semibold ${v === value ? "bg-ink text-white" : "bg-canvas text-ink hover:bg-line"}`}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
