import Link from "next/link";
import type { TopRiskRow } from "@/lib/queries/posture/top-risks";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { formatCount, formatEpss, formatScore } from "@/components/ui/format";
import { findingKeyLabel } from "@/lib/domain/finding-key-label";
import { KevBadge } from "@/components/findings/kev-badge";

/** Vulnerabilities, code rules and open port ranges ranked by exploit availability, Inspector score and EPSS; rows open the explorer. */
export function TopRisksCard({ risks, regions }: { risks: TopRiskRow[]; regions: string[] }) {
  if (!risks.length) return <p className="text-sm text-muted">No open, scored findings.</p>;
  return (
    <table className="w-full table-fixed text-sm">
      <thead>
        <tr className="border-b border-line text-left text-xs text-muted">
          <th className="py-1.5 font-semibold">Vulnerability</th>
          <th className="w-12 py-1.5 pl-1 text-right font-semibold" title="Highest Inspector score">Score</th>
          <th className="w-14 py-1.5 pl-1 text-right font-semibold" title="Exploit Prediction Scoring System: chance of exploitation in 30 days">EPSS</th>
          <th className="w-16 py-1.5 pl-1 text-right font-semibold" title="Open findings, one per affected resource, every image (in use or not)">Hit</th>
        </tr>
      </thead>
      <tbody>
        {risks.map((r) => (
          <tr key={r.finding_key} className="border-b border-line/60 last:border-0 hover:bg-canvas">
            <td className="py-1.5 pr-2">
              <Link prefetch={false} href={findingsHref({ cve: r.finding_key, region: regions, inUse: "all" })} className="group block">
                <span className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
                  <SeverityBadge severity={r.severity} compact />
                  <span className="whitespace-nowrap font-mono text-xs font-semibold group-hover:text-accent">{findingKeyLabel(r.finding_key)}</span>
                  {r.kev && <KevBadge compact />}
                  {r.exploitable && <span className="rounded bg-red-700 px-1 text-[10px] font-bold uppercase text-white">exploit</span>}
                </span>
                <span className="block truncate text-xs text-muted" title={r.title}>{r.title.replace(`${r.finding_key} - `, "")}</span>
              </Link>
            </td>
            <td className="py-1.5 text-right tabular-nums font-semibold">{formatScore(r.max_score)}</td>
            <td className="py-1.5 text-right tabular-nums">{formatEpss(r.max_epss)}</td>
            <td className="py-1.5 text-right tabular-nums" title={r.findings === null ? "not counted per region" : `${r.findings} open findings`}>{r.findings === null ? "—" : formatCount(r.findings)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
