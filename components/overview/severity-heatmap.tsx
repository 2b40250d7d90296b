"use client";
// The overview heatmap: sort and grouping are client state mirrored into the URL (replaceState,
// so no server round trip); every cell links to the explorer with account/OU/owner + severity.
import { useState } from "react";
import Link from "next/link";
import type { Severity } from "@/lib/domain/severity";
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";
import { overviewHref, type HeatmapGroup, type HeatmapSort } from "@/lib/queries/posture/overview-href";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { HeatmapGrid, type HeatRow } from "@/components/charts/heatmap-grid";
import { AccountLifecycleBadge } from "@/components/accounts/account-lifecycle-badge";
import { groupAccounts, sortAccounts } from "./heatmap-rows";
import { ScrollArea } from "@/components/ui/scroll-area";
import { inUseParam } from "@/lib/domain/in-use";
import { providerRow } from "./provider-row";

const initialRows = 25;
const problemLabel: Record<string, string> = { INSPECTOR_DISABLED: "Inspector off", ACCESS_DENIED: "no access", ERROR: "sync error", NEVER_SYNCED: "not synced" };

interface Props {
  rows: HeatmapRow[];
  regions: string[];
  sort: HeatmapSort;
  group: HeatmapGroup;
  /** The "In use only" switch: links carry it so the explorer counts what the cell counts. */
  inUse?: "only" | "all";
}

export function SeverityHeatmap({ rows, regions, sort: initialSort, group: initialGroup, inUse = "only" }: Props) {
  const use = inUseParam(inUse);
  const [sort, setSort] = useState(initialSort);
  const [group, setGroup] = useState(initialGroup);
  const [showAll, setShowAll] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const remember = (next: { sort?: HeatmapSort; group?: HeatmapGroup }) => {
    const s = next.sort ?? sort, g = next.group ?? group;
    setSort(s);
    setGroup(g);
    window.history.replaceState(null, "", overviewHref({ region: regions, sort: s, group: g, inUse }));
  };
  const accountRow = (r: HeatmapRow, indent = false): HeatRow => (r.provider ? providerRow(r, regions, use, indent) : {
    id: r.accountId,
    label: (
      <Link href={`/accounts/${r.accountId}`} className="hover:text-accent hover:underline">
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
    indent,
    hrefFor: (severity?: Severity) => findingsHref({ account: [r.accountId], severity: severity ? [severity] : [], region: regions, inUse: use, ...awsOnly([r]) }),
  });

  let heatRows: HeatRow[];
  let hidden = 0;
  if (group === "none") {
    const sorted = sortAccounts(rows, sort);
    const shown = showAll ? sorted : sorted.slice(0, initialRows);
    hidden = sorted.length - shown.length;
    heatRows = shown.map((r) => accountRow(r));
  } else {
    heatRows = groupAccounts(rows, group, sort).flatMap((g) => {
      const open = expanded.has(g.key);
      const header: HeatRow = {
        id: `group:${g.key}`,
        label: g.key,
        title: g.key,
        counts: g.counts,
        total: g.total,
        group: { expanded: open, size: g.accounts.length, onToggle: () => setExpanded((prev) => toggle(prev, g.key)) },
        hrefFor: (severity?: Severity) => g.accounts[0]?.provider
          ? findingsHref({ provider: [g.accounts[0].provider], severity: severity ? [severity] : [], region: regions, inUse: use })
          : findingsHref({ [group]: g.key === "(none)" ? [] : [g.key], severity: severity ? [severity] : [], region: regions, inUse: use, ...awsOnly(g.accounts), ...(g.key === "(none)" ? { account: g.accounts.map((a) => a.accountId) } : {}) }),
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
        <button type="button" onClick={() => setShowAll(true)} className="mt-2 text-sm font-semibold text-accent hover:underline">
          Show all {rows.length} accounts ({hidden} more)
        </button>
      )}
    </div>
  );
}

/** Accounts that also report other clouds' findings count AWS resources only here: so must the link. */
const awsOnly = (rows: HeatmapRow[]) => (rows.some((r) => r.otherClouds) ? { provider: ["AWS"] } : {});

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
