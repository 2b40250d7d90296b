import Link from "next/link";
import type { FindingRow } from "@/lib/queries/findings/findings-search";
import { findingHref } from "@/lib/queries/findings/findings-href";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { formatAge, formatEpss, formatScore } from "@/components/ui/format";

/** A short server-rendered list of findings (account page). */
export function TopFindingsList({ rows }: { rows: FindingRow[] }) {
  if (!rows.length) return <p className="text-sm text-muted">No open findings.</p>;
  return (
    <table className="w-full text-sm">
      <tbody>
        {rows.map((f) => (
          <tr key={f.arn} className="border-b border-line/60 last:border-0">
            <td className="py-1.5 pr-2"><SeverityBadge severity={f.severity} compact /></td>
            <td className="py-1.5 pr-2 text-right font-semibold tabular-nums">{formatScore(f.inspector_score)}</td>
            <td className="max-w-[26rem] py-1.5 pr-2 [overflow-wrap:anywhere]">
              <Link href={findingHref(f.arn)} className="hover:text-accent hover:underline">{f.title}</Link>
              {f.exploit_available === "YES" && <span className="ml-1.5 inline-block whitespace-nowrap rounded bg-red-700 px-1 text-[10px] font-bold uppercase text-white">exploit</span>}
              <div className="truncate font-mono text-[11px] text-muted">{f.resource_name ?? f.resource_id} · {f.region}</div>
            </td>
            <td className="hidden py-1.5 pr-2 text-right text-xs tabular-nums sm:table-cell" title="EPSS">{formatEpss(f.epss_score)}</td>
            <td className="hidden py-1.5 text-right text-xs tabular-nums sm:table-cell" title="Age">{formatAge(f.first_observed_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
