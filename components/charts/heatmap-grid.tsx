"use client";
// Rows x severity heatmap: the count printed in every cell, colour intensity by count within the
// column, each cell a link into the explorer. Arrow keys move between cells like a spreadsheet.
// A first paint holds ~180 cells, so each is a plain <a> with one short class (heat-cell, globals.css)
// rather than a <Link>: the table navigates client-side for them with one handler, and nothing
// prefetches (each link would be a request as it scrolls into view). Under 50 concurrent viewers the
// overview's render thread is the bottleneck, and ~180 Link components were a share of it.
import { useRouter } from "next/navigation";
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
  /** Why this row's counts are unknown (never synced, no access…): its cells show "—", not 0. */
  unknown?: string;
}

const shortLabel: Record<Severity, string> = { CRITICAL: "Critical", HIGH: "High", MEDIUM: "Medium", LOW: "Low", INFORMATIONAL: "Info", UNTRIAGED: "Untriaged" };

/** A plain left click on a cell: the App Router's navigation, as <Link> would do; other clicks
 *  (new tab, new window, download) stay the browser's. */
function cellNavigation(push: (href: string) => void) {
  return (e: React.MouseEvent<HTMLTableElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const cell = (e.target as HTMLElement).closest<HTMLAnchorElement>("a[data-row]");
    if (!cell || !e.currentTarget.contains(cell)) return;
    e.preventDefault();
    push(cell.getAttribute("href")!);
  };
}

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
  const router = useRouter();
  return (
    <table className="w-full border-separate border-spacing-0.5 text-sm" onKeyDown={moveFocus} onClick={cellNavigation((href) => router.push(href))} data-testid="heatmap">
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
            {r.unknown ? (
              <>
                {[...severityOrder, "total"].map((s, j) => (
                  <td key={s} className="p-0">
                    <span data-row={i} data-col={j} tabIndex={-1} title={r.unknown} className="heat-cell text-muted"><span aria-hidden>—</span><span className="sr-only">{r.unknown}</span></span>
                  </td>
                ))}
              </>
            ) : severityOrder.map((s, j) => (
              <td key={s} className="p-0">
                <a
                  href={r.hrefFor(s)}
                  data-row={i}
                  data-col={j}
                  data-severity={s}
                  aria-label={`${r.title ?? r.id}: ${r.counts[s]} open ${severityLabel[s].toLowerCase()}`}
                  className={r.counts[s] ? "heat-cell" : "heat-cell text-muted"}
                  style={heatColours(s, r.counts[s], r.group ? groupMax[s] : max[s])}
                >
                  {formatCount(r.counts[s])}
                </a>
              </td>
            ))}
            {!r.unknown && <td className="p-0">
              <a href={r.hrefFor()} data-row={i} data-col={severityOrder.length} aria-label={`${r.title ?? r.id}: ${r.total} open findings`} className="heat-cell bg-canvas font-semibold">
                {formatCount(r.total)}
              </a>
            </td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
