"use client";
// Rows x severity heatmap: the count printed in every cell, colour intensity by count within the
// column, each cell a link into the explorer. Arrow keys move between cells like a spreadsheet.
// The cells do not prefetch: a screen of heatmap is ~200 links, each a request as it scrolls into view.
import Link from "next/link";
import { severityColor, severityLabel, severityOrder, type Severity } from "@/lib/domain/severity";
import { formatCount } from "@/components/ui/format";
import { heatColours } from "./heat-scale";

export interface HeatRow {
  id: string;
  label: React.ReactNode;
  title?: string;
  detail?: React.ReactNode;
  counts: Record<Severity, number>;
  total: number;
  hrefFor: (severity?: Severity) => string;
  /** Group header rows: rendered bold with an expand toggle. */
  group?: { expanded: boolean; onToggle: () => void; size: number };
  indent?: boolean;
}

const shortLabel: Record<Severity, string> = { CRITICAL: "Critical", HIGH: "High", MEDIUM: "Medium", LOW: "Low", INFORMATIONAL: "Info", UNTRIAGED: "Untriaged" };

function moveFocus(e: React.KeyboardEvent<HTMLTableElement>) {
  const target = e.target as HTMLElement;
  const row = Number(target.dataset.row), col = Number(target.dataset.col);
  if (Number.isNaN(row)) return;
  const delta = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
  if (!delta) return;
  const next = e.currentTarget.querySelector<HTMLElement>(`[data-row="${row + delta[0]}"][data-col="${col + delta[1]}"]`);
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

export function HeatmapGrid({ rows, caption, rowHeader = "Account" }: { rows: HeatRow[]; caption: string; rowHeader?: string }) {
  const maxOf = (grouped: boolean) =>
    Object.fromEntries(severityOrder.map((s) => [s, Math.max(0, ...rows.filter((r) => !!r.group === grouped).map((r) => r.counts[s]))])) as Record<Severity, number>;
  const max = maxOf(false), groupMax = maxOf(true);
  return (
    <table className="w-full border-separate border-spacing-0.5 text-sm" onKeyDown={moveFocus} data-testid="heatmap">
      <caption className="sr-only">{caption}. Arrow keys move between cells; Enter opens the findings.</caption>
      <thead>
        <tr className="text-xs text-muted">
          <th scope="col" className="sticky left-0 z-10 bg-panel px-2 py-1 text-left font-semibold">{rowHeader}</th>
          {severityOrder.map((s) => (
            <th key={s} scope="col" className="w-[4.75rem] whitespace-nowrap px-1 py-1 text-center font-semibold">
              <span className="mr-1 inline-block h-2 w-2 rounded-sm align-middle" style={{ backgroundColor: severityColor[s].fill }} aria-hidden />
              <abbr title={severityLabel[s]} className="no-underline">{shortLabel[s]}</abbr>
            </th>
          ))}
          <th scope="col" className="w-[4.5rem] px-1 py-1 text-center font-semibold">Total</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.id} data-account={r.group ? undefined : r.id} className={r.group ? "font-semibold" : undefined}>
            <th scope="row" className={`sticky left-0 z-10 max-w-[10rem] truncate bg-panel px-2 py-1 text-left font-normal sm:max-w-[22rem] ${r.indent ? "pl-7" : ""}`} title={r.title}>
              {r.group ? (
                <button type="button" onClick={r.group.onToggle} aria-expanded={r.group.expanded} className="font-semibold hover:text-accent">
                  <span aria-hidden className="mr-1 inline-block w-3">{r.group.expanded ? "▾" : "▸"}</span>
                  {r.label} <span className="font-normal text-muted">({r.group.size})</span>
                </button>
              ) : (
                r.label
              )}
              {r.detail}
            </th>
            {severityOrder.map((s, j) => (
              <td key={s} className="p-0">
                <Link
                  href={r.hrefFor(s)}
                  prefetch={false}
                  data-row={i}
                  data-col={j}
                  data-severity={s}
                  aria-label={`${r.title ?? r.id}: ${r.counts[s]} open ${severityLabel[s].toLowerCase()}`}
                  className={`block rounded-sm px-1 py-1 text-center tabular-nums hover:outline hover:outline-2 hover:outline-ink ${r.counts[s] ? "" : "text-muted"}`}
                  style={heatColours(s, r.counts[s], r.group ? groupMax[s] : max[s])}
                >
                  {formatCount(r.counts[s])}
                </Link>
              </td>
            ))}
            <td className="p-0">
              <Link href={r.hrefFor()} prefetch={false} data-row={i} data-col={severityOrder.length} aria-label={`${r.title ?? r.id}: ${r.total} open findings`} className="block rounded-sm bg-canvas px-1 py-1 text-center font-semibold tabular-nums hover:outline hover:outline-2 hover:outline-ink">
                {formatCount(r.total)}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
