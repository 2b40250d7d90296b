import Link from "next/link";
import { rankedSeverities, severityColor } from "@/lib/domain/severity";
import { scanTypeLabel, scanTypes } from "@/lib/domain/finding-enums";
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";
import type { CoverageMatrixRow } from "@/lib/queries/coverage/coverage-matrix";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { StatusPill } from "@/components/ui/status-pill";
import { AccountLifecycleBadge } from "./account-lifecycle-badge";
import { formatCount } from "@/components/ui/format";
import { formatCost, type CostAmount } from "@/lib/domain/cost";
import { unknownCountsReason } from "@/components/overview/sync-problem-label";
import { awsOnly } from "@/components/overview/aws-only";

export interface AccountListRow extends HeatmapRow {
  coverage: CoverageMatrixRow | undefined;
  /** Inspector's estimated monthly cost (ListUsageTotals); absent = "—". */
  cost?: CostAmount;
}

export const accountSorts = ["critical", "high", "total", "coverage", "name"] as const;
export type AccountSort = (typeof accountSorts)[number];

export function sortAccountRows(rows: AccountListRow[], sort: AccountSort): AccountListRow[] {
  const scanned = (r: AccountListRow) => (r.coverage && r.coverage.active + r.coverage.inactive ? r.coverage.active / (r.coverage.active + r.coverage.inactive) : 1);
  const key: Record<AccountSort, (a: AccountListRow, b: AccountListRow) => number> = {
    critical: (a, b) => b.counts.CRITICAL - a.counts.CRITICAL || b.counts.HIGH - a.counts.HIGH,
    high: (a, b) => b.counts.HIGH - a.counts.HIGH || b.counts.CRITICAL - a.counts.CRITICAL,
    total: (a, b) => b.total - a.total,
    coverage: (a, b) => scanned(a) - scanned(b),
    name: () => 0,
  };
  return [...rows].sort((a, b) => key[sort](a, b) || (a.name ?? a.accountId).localeCompare(b.name ?? b.accountId));
}


export function AccountsTable({ rows, sortHref, sort }: { rows: AccountListRow[]; sortHref: (s: AccountSort) => string; sort: AccountSort }) {
  const th = (label: string, s?: AccountSort, className = "") => (
    <th scope="col" aria-sort={s === sort ? "descending" : undefined} className={`px-2 py-2 font-semibold ${className}`}>
      {s ? <Link prefetch={false} href={sortHref(s)} className={`hover:text-accent ${s === sort ? "text-ink underline" : ""}`}>{label}</Link> : label}
    </th>
  );
  return (
    <table className="w-full text-sm" data-testid="accounts-table">
      <thead>
        <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          {th("Account", "name")}
          {th("OU / owner")}
          {th("Critical", "critical", "text-right")}
          {th("High", "high", "text-right")}
          <th className="px-2 py-2 text-right font-semibold">Medium</th>
          <th className="px-2 py-2 text-right font-semibold">Low</th>
          {th("Open", "total", "text-right")}
          <th scope="col" className="px-2 py-2 text-right font-semibold" title="Inspector's estimated monthly cost (ListUsageTotals)">Est. cost / mo</th>
          {th("Scanned", "coverage", "text-right")}
          {th("Scan types off")}
          {th("Sync")}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const cov = r.coverage;
          const pct = cov && cov.active + cov.inactive ? Math.floor((cov.active / (cov.active + cov.inactive)) * 100) : null;
          const off = cov ? scanTypes.filter((s) => cov.cells[s].enabledRegions < cov.cells[s].regions) : [];
          const unknown = unknownCountsReason(r);
          return (
            <tr key={r.accountId} className="border-b border-line/60 hover:bg-canvas">
              <td className="px-2 py-1.5">
                <Link prefetch={false} href={`/accounts/${r.accountId}`} className="font-medium hover:text-accent hover:underline">{r.name ?? r.accountId}</Link>
                <div className="font-mono text-[11px] text-muted">{r.accountId}</div>
              </td>
              <td className="px-2 py-1.5 text-xs">{r.ou ?? "—"}<div className="text-muted">{r.owner ?? "no owner"}</div></td>
              {unknown ? (
                <td colSpan={rankedSeverities.length + 1} className="px-2 py-1.5 text-right text-muted" title={unknown}>— <span className="text-xs">{unknown}</span></td>
              ) : (<>
              {rankedSeverities.map((s) => (
                <td key={s} className="px-2 py-1.5 text-right tabular-nums">
                  <Link prefetch={false} href={findingsHref({ account: [r.accountId], severity: [s], ...awsOnly([r]) })} className="hover:underline" style={{ color: r.counts[s] && (s === "CRITICAL" || s === "HIGH") ? severityColor[s].ink : undefined, fontWeight: s === "CRITICAL" && r.counts[s] ? 700 : undefined }}>
                    {formatCount(r.counts[s])}
                  </Link>
                </td>
              ))}
              <td className="px-2 py-1.5 text-right font-semibold tabular-nums"><Link prefetch={false} href={findingsHref({ account: [r.accountId], ...awsOnly([r]) })} className="hover:underline">{formatCount(r.total)}</Link></td>
              </>)}
              <td className="px-2 py-1.5 text-right tabular-nums" data-cost>{formatCost(r.cost)}</td>
              {r.left ? (
                // A departed account's coverage and sync state are its last, not its current.
                <td colSpan={3} className="px-2 py-1.5"><AccountLifecycleBadge left={r.left} /></td>
              ) : (
                <>
                  <td className={`px-2 py-1.5 text-right tabular-nums ${pct !== null && pct < 80 ? "font-semibold text-amber-800" : ""}`}>{pct === null ? "—" : `${pct}%`}</td>
                  <td className="px-2 py-1.5 text-xs">{off.length ? off.map((s) => scanTypeLabel[s]).join(", ") : <span className="text-muted">none</span>}</td>
                  <td className="px-2 py-1.5">{r.syncProblems.length ? r.syncProblems.map((p) => <StatusPill key={p} value={p} />) : <StatusPill value="OK" />}</td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
