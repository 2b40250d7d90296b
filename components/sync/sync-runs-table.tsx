import Link from "next/link";
import type { SyncRunRow } from "@/lib/queries/sync/sync-runs";
import { StatusPill } from "@/components/ui/status-pill";
import { formatCount, formatDateTime, formatDuration, formatShortDateTime } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { listingModeLabel } from "@/lib/sync/findings/listing-mode";

export function SyncRunsTable({ runs, selected }: { runs: SyncRunRow[]; selected?: number }) {
  return (
    <table className="w-full text-sm" data-testid="sync-runs">
      <TableHead columns={["Run", "Started", "Outcome", { label: "Duration", align: "right" }, { label: "Findings", align: "right" }, { label: "Calls", align: "right" }]} />
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} className={`border-b border-line/60 last:border-0 ${r.id === selected ? "bg-blue-50" : "hover:bg-canvas"}`}>
            <td className="px-2 py-1.5">
              <Link prefetch={false} href={`/sync?run=${r.id}`} aria-current={r.id === selected ? "true" : undefined} className="font-semibold text-accent hover:underline">#{r.id}</Link>
              <div className="text-[11px] text-muted" title={`${r.trigger}, ${listingModeLabel(r.mode)}`}>
                <span className="whitespace-nowrap">{r.trigger}</span> · <span className="whitespace-nowrap">{listingModeLabel(r.mode, "short")}</span>
              </div>
            </td>
            <td className="whitespace-nowrap px-2 py-1.5 text-xs tabular-nums" title={formatDateTime(r.started_at)}>{formatShortDateTime(r.started_at)}</td>
            <td className="px-2 py-1.5">
              <StatusPill value={r.outcome} />
              {r.error && <div className="max-w-[14rem] truncate text-[11px] text-red-800" title={r.error}>{r.error}</div>}
            </td>
            <td className="px-2 py-1.5 text-right tabular-nums">{r.finished_at ? formatDuration(new Date(r.finished_at).getTime() - new Date(r.started_at).getTime()) : "…"}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(r.findings_upserted)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(r.api_requests)}{r.throttled > 0 && <div className="text-[11px] text-amber-800">{r.throttled} throttled</div>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
