import Link from "next/link";
import { scanTypeLabel, scanTypes, type ScanType } from "@/lib/domain/finding-enums";
import type { CoverageCell, CoverageMatrixRow } from "@/lib/queries/coverage/coverage-matrix";
import { coverageResourcesHref } from "@/lib/queries/coverage/coverage-resources-filter";
import { formatCount } from "@/components/ui/format";
import { AccountLifecycleBadge } from "@/components/accounts/account-lifecycle-badge";

/** Cell verdict: colour and words together (never colour alone). */
export function cellVerdict(c: CoverageCell): { text: string; tone: string } {
  if (c.regions === 0) return { text: "unknown", tone: "bg-slate-100 text-slate-600" };
  if (c.enabledRegions === 0) return { text: c.otherStatuses.map((s) => s.toLowerCase()).join("/") || "off", tone: "bg-red-100 text-red-900" };
  const scanned = c.active + c.inactive ? c.active / (c.active + c.inactive) : 1;
  const partialRegions = c.enabledRegions < c.regions;
  if (scanned < 0.8) return { text: `${Math.floor(scanned * 100)}% scanned`, tone: "bg-amber-100 text-amber-950" };
  if (partialRegions) return { text: `${c.enabledRegions}/${c.regions} regions`, tone: "bg-amber-50 text-amber-900" };
  return { text: c.active + c.inactive ? `${Math.floor(scanned * 100)}% scanned` : "on, nothing yet", tone: "bg-emerald-50 text-emerald-900" };
}

export function CoverageMatrixTable({ rows }: { rows: CoverageMatrixRow[] }) {
  return (
    <table className="w-full text-sm" data-testid="coverage-matrix">
      <thead>
        <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <th className="px-2 py-2 font-semibold">Account</th>
          {scanTypes.map((s) => <th key={s} className="px-2 py-2 font-semibold">{scanTypeLabel[s]}</th>)}
          <th className="px-2 py-2 text-right font-semibold">Unscanned</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.accountId} className="border-b border-line/60 hover:bg-canvas">
            <th scope="row" className="px-2 py-1.5 text-left font-normal">
              <Link prefetch={false} href={`/accounts/${r.accountId}`} className="hover:text-accent hover:underline">{r.name ?? r.accountId}</Link>
              <span className="ml-1.5 font-mono text-[11px] text-muted">{r.accountId}</span>
            </th>
            {r.left ? (
              <td colSpan={scanTypes.length + 1} className="px-2 py-1.5"><AccountLifecycleBadge left={r.left} /> <span className="text-xs text-muted">coverage no longer reported</span></td>
            ) : (
              <>
                {scanTypes.map((s) => <MatrixCell key={s} accountId={r.accountId} scanType={s} cell={r.cells[s]} />)}
                <td className="px-2 py-1.5 text-right tabular-nums">
                  {r.inactive ? <Link prefetch={false} href={coverageResourcesHref({ account: r.accountId })} className="font-semibold text-accent hover:underline">{formatCount(r.inactive)}</Link> : <span className="text-muted">0</span>}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MatrixCell({ accountId, scanType, cell }: { accountId: string; scanType: ScanType; cell: CoverageCell }) {
  const v = cellVerdict(cell);
  const title = `${scanTypeLabel[scanType]}: enabled in ${cell.enabledRegions}/${cell.regions} regions; ${cell.active} scanned, ${cell.inactive} not scanned`;
  return (
    <td className="px-1 py-1">
      <Link prefetch={false} href={coverageResourcesHref({ account: accountId, scanType })} title={title} className={`block rounded px-2 py-1 text-xs font-semibold hover:outline hover:outline-2 hover:outline-ink ${v.tone}`}>
        {v.text}
        <span className="block font-normal opacity-80">{formatCount(cell.active)} / {formatCount(cell.active + cell.inactive)} resources</span>
      </Link>
    </td>
  );
}
