"use client";
// One page of findings: the columns an engineer triages by, the title linking to the detail page,
// sortable headers (any sort change starts again at page one). Below the sm breakpoint each row is a
// card (.finding-cards in app/globals.css): the header is hidden there, Score, EPSS and Age say what
// they are, and the toolbar's Sort select sorts.
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import Link from "next/link";
import type { FindingListItem } from "@/lib/queries/findings/explorer-result";
import type { FindingsSort } from "@/lib/queries/findings/findings-cursor";
import { findingHref } from "@/lib/queries/findings/findings-href";
import { resourceTypeLabel, type ResourceType } from "@/lib/domain/finding-enums";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { StatusPill } from "@/components/ui/status-pill";
import { formatAge, formatEpss, formatScore } from "@/components/ui/format";
import { KevBadge } from "./kev-badge";

export function FindingsTable({ rows, sort, onSort }: { rows: FindingListItem[]; sort: FindingsSort; onSort: (s: FindingsSort) => void }) {
  const head = (label: string, key?: FindingsSort, className = "") => (
    <th scope="col" aria-sort={key && sort === key ? "descending" : undefined} className={`px-2 py-2 font-semibold ${className}`}>
      {key ? (
        <button type="button" onClick={() => onSort(key)} className={`inline-flex items-center gap-0.5 uppercase tracking-wide hover:text-accent ${sort === key ? "text-ink" : ""}`}>
          {label}
          <span aria-hidden className={sort === key ? "" : "opacity-0"}>{key === "age" ? "↑" : "↓"}</span>
        </button>
      ) : (
        label
      )}
    </th>
  );
  return (
    <table className="finding-cards w-full text-sm sm:min-w-[52rem]" data-testid="findings-table">
      <thead className="sticky top-0 bg-panel">
        <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          {head("Severity", "severity", "w-24")}
          {head("Score", "score", "w-16 text-right")}
          {head("EPSS", "epss", "w-16 text-right")}
          {head("Finding")}
          {head("Resource")}
          {head("Account")}
          {head("Age", "age", "w-16 text-right")}
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => (
          <tr key={f.arn} className="border-b border-line/70 align-top hover:bg-canvas" data-finding={f.arn}>
            <td className="px-2 py-2"><SeverityBadge severity={f.severity} /></td>
            <td className="px-2 py-2 text-right font-semibold tabular-nums">
              <span className="font-normal text-muted sm:hidden">Score </span>{formatScore(f.inspector_score)}
            </td>
            <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
              <span className="text-muted sm:hidden">EPSS </span>{formatEpss(f.epss_score)}
            </td>
            <td className="max-w-[28rem] px-2 py-2">
              <Link href={findingHref(f.arn)} className="font-medium hover:text-accent hover:underline">{f.title}</Link>
              <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-[11px] text-muted">
                {f.kev === "YES" && <KevBadge />}
                {f.exploit_available === "YES" && <span className="rounded bg-red-700 px-1 font-bold uppercase text-white">exploit</span>}
                {f.fix_available === "YES" && <span className="rounded bg-emerald-700 px-1 font-bold uppercase text-white">fix</span>}
                {f.fix_available === "PARTIAL" && <span className="rounded bg-emerald-600/80 px-1 font-bold uppercase text-white">partial fix</span>}
                {f.status !== OPEN_STATUS && <StatusPill value={f.status} />}
                {f.package_names.length > 0 && <span className="truncate">{f.package_names.join(", ")}</span>}
              </div>
            </td>
            <td className="max-w-[18rem] px-2 py-2">
              <div className="truncate font-mono text-xs" title={f.resource_id}>{f.resource_name ?? f.resource_id}</div>
              <div className="text-[11px] text-muted">{resourceTypeLabel[f.resource_type as ResourceType] ?? f.resource_type} · {f.region}</div>
            </td>
            <td className="px-2 py-2">
              <Link href={`/accounts/${f.account_id}`} className="hover:text-accent hover:underline">{f.account_name ?? f.account_id}</Link>
              <div className="font-mono text-[11px] text-muted">{f.account_id}</div>
            </td>
            <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums" title={`first seen ${f.first_observed_at}`}>
              <span className="text-muted sm:hidden">Age </span>{formatAge(f.first_observed_at)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
