// The trend charts' numbers as a table with keyboard-reachable drill-down links: the same
// figures the charts draw, for screen readers and for anyone who wants the exact values.
import Link from "next/link";
import type { Trends } from "@/lib/queries/review/review-types";
import { formatDays } from "@/lib/review/format";
import { rankedSeverities, severityLabel } from "@/lib/domain/severity";
import { TableHead, type TableColumn } from "@/components/ui/table-head";
import { closedInWeekHref, newInWeekHref, openWeekHref, type LinkGroup } from "@/lib/review/review-links";
import { ScrollArea } from "@/components/ui/scroll-area";

const columns: TableColumn[] = [
  "Week of",
  ...[...rankedSeverities.map((s) => severityLabel[s]), "Open", "New", "Remediated", "Removed", "Reopened", "MTTR crit (d)", "MTTR high (d)", "Scanned", "Not scanned"].map((label) => ({ label, align: "right" as const })),
];
const td = "px-2 py-1 text-right tabular-nums";

/** A count linking to its findings, or "—" when nothing was observed (never 0). */
function Num({ value, href }: { value: number | null | undefined; href: string }) {
  if (value == null) return <span className="text-muted" title="no data: nothing was observed">—</span>;
  return <Link prefetch={false} className="hover:text-accent hover:underline" href={href}>{value}</Link>;
}

export function TrendTable({ trends, group }: { trends: Trends; group: LinkGroup }) {
  return (
    <ScrollArea label="Trends as a table">
      <table className="w-full text-sm" data-testid="trend-table">
        <TableHead columns={columns} />
        <tbody>
          {trends.weeks.map((w, i) => {
            const o = trends.open[i], f = trends.flow[i], m = trends.mttr[i], c = trends.coverage[i];
            return (
              <tr key={w.week} className="border-b border-line/60 last:border-0">
                <td className="px-2 py-1">{w.label}</td>
                {rankedSeverities.map((s) => (
                  <td key={s} className={td}><Num value={o.open?.[s]} href={openWeekHref(group, w.weekEnd, s)} /></td>
                ))}
                <td className={`${td} font-semibold`} title={o.estimated ? "estimated by the first sync" : undefined}><Num value={o.total} href={openWeekHref(group, w.weekEnd)} />{o.estimated && o.total != null ? "*" : ""}</td>
                <td className={td}><Num value={f.opened} href={newInWeekHref(group, w.week, w.weekEnd)} /></td>
                <td className={td}><Num value={f.remediated ?? f.closed} href={closedInWeekHref(group, w.week, w.weekEnd, undefined, "remediated")} /></td>
                <td className={td}><Num value={f.removed} href={closedInWeekHref(group, w.week, w.weekEnd, undefined, "removed")} /></td>
                <td className={td}>{f.reopened ?? "—"}</td>
                <td className={td}>{formatDays(m.days.CRITICAL)}</td>
                <td className={td}>{formatDays(m.days.HIGH)}</td>
                <td className={td}>{c.active ?? "—"}</td>
                <td className={td}>{c.inactive ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollArea>
  );
}
