"use client";
// One page of findings: the columns an engineer triages by, the title linking to the detail page,
// sortable headers (any sort change starts again at page one). The cells' spacing, alignment and
// link styles are .finding-cards rules in app/globals.css, not utilities on each of 50 rows' cells.
// Its links do not prefetch: each would be a request to the server as it scrolls into view, up to
// 100 a page, each waiting behind every viewer's pages (lib/ops/request-admission.ts).
// Below the sm breakpoint each row is a card: the header is hidden there, Score, EPSS and Age say
// what they are (their data-label, shown before the value), and the toolbar's Sort select sorts.
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
          <tr key={f.arn} data-finding={f.arn}>
            <td><SeverityBadge severity={f.severity} /></td>
            <td data-label="Score">{formatScore(f.inspector_score)}</td>
            <td data-label="EPSS">{formatEpss(f.epss_score)}</td>
            <td>
              <Link href={findingHref(f.arn)} prefetch={false}>{f.title}</Link>
              <div className="cell-tags">
                {f.kev === "YES" && <KevBadge />}
                {f.exploit_available === "YES" && <span className="tag bg-red-700">exploit</span>}
                {f.fix_available === "YES" && <span className="tag bg-emerald-700">fix</span>}
                {f.fix_available === "PARTIAL" && <span className="tag bg-emerald-600/80">partial fix</span>}
                {f.status !== OPEN_STATUS && <StatusPill value={f.status} />}
                {f.package_names.length > 0 && <span className="truncate">{f.package_names.join(", ")}</span>}
              </div>
            </td>
            <td>
              <div className="truncate font-mono text-xs" title={f.resource_id}>{f.resource_name ?? f.resource_id}</div>
              <div className="cell-note">{resourceTypeLabel[f.resource_type as ResourceType] ?? f.resource_type} · {f.region}</div>
            </td>
            <td>
              <Link href={`/accounts/${f.account_id}`} prefetch={false}>{f.account_name ?? f.account_id}</Link>
              <div className="cell-note font-mono">{f.account_id}</div>
            </td>
            <td data-label="Age" title={`first seen ${f.first_observed_at}`}>{formatAge(f.first_observed_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
