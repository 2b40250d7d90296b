import Link from "next/link";
import { severityColor, severityLabel, severityOrder } from "@/lib/domain/severity";
import { formatCount } from "@/components/ui/format";
import type { SeverityBar } from "./severity-rollup";

/** Horizontal bars split by severity; each bar is a link into the explorer. No client JS. */
export function StackedBars({ rows }: { rows: (SeverityBar & { label: string; href: string })[] }) {
  const max = Math.max(1, ...rows.map((r) => r.total));
  if (!rows.length) return <p className="text-sm text-muted">No open findings.</p>;
  return (
    <ul className="space-y-1.5">
      {rows.map((r) => (
        <li key={r.key}>
          <Link href={r.href} className="group grid grid-cols-[9rem_1fr_4.5rem] items-center gap-3 rounded px-1 py-0.5 text-sm hover:bg-canvas">
            <span className="truncate group-hover:text-accent" title={r.label}>{r.label}</span>
            <span className="flex h-3.5 overflow-hidden rounded-sm bg-canvas" style={{ width: `${Math.max(2, (r.total / max) * 100)}%` }}>
              {severityOrder.map((s) =>
                r.counts[s] ? (
                  <span key={s} title={`${severityLabel[s]}: ${formatCount(r.counts[s])}`} style={{ width: `${(r.counts[s] / r.total) * 100}%`, backgroundColor: severityColor[s].fill }} />
                ) : null,
              )}
            </span>
            <span className="text-right tabular-nums text-muted">{formatCount(r.total)}</span>
            <span className="sr-only">: {severityOrder.filter((s) => r.counts[s]).map((s) => `${severityLabel[s]} ${formatCount(r.counts[s])}`).join(", ")}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function SeverityLegend() {
  return (
    <div className="flex flex-wrap gap-3 text-xs text-muted">
      {severityOrder.map((s) => (
        <span key={s} className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: severityColor[s].fill }} />
          {severityLabel[s]}
        </span>
      ))}
    </div>
  );
}
