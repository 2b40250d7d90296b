// Findings past or near their SLA, most overdue first; excepted ones listed apart and marked.
import Link from "next/link";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { formatDate } from "@/components/ui/format";
import type { SlaFinding } from "@/lib/queries/review/review-types";
import { daysBetween } from "@/lib/review/day";
import { findingHref } from "@/lib/queries/findings/findings-href";
import { ScrollArea } from "@/components/ui/scroll-area";

function stateText(f: SlaFinding, asOf: Date): string {
  const d = Math.floor(Math.abs(daysBetween(asOf, new Date(f.dueAt))));
  return f.state === "breached" ? `Breached ${d} d ago` : `Due in ${d} d`;
}

/** `label` names the table's scrolling region: each list on a page has its own (screen readers list
 *  regions by name, and two of one name are indistinguishable). */
export function SlaFindings({ findings, asOf, exceptHref, testId, label }: { findings: SlaFinding[]; asOf: string; exceptHref?: (arn: string) => string; testId: string; label: string }) {
  const at = new Date(asOf);
  return (
    <ScrollArea label={label}>
      <table className="w-full text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b border-line text-left text-xs font-semibold uppercase tracking-wide text-muted">
            <th className="px-2 py-1.5">Severity</th><th className="px-2 py-1.5">Finding</th><th className="px-2 py-1.5">Account</th>
            <th className="px-2 py-1.5">First seen</th><th className="px-2 py-1.5">Due</th><th className="px-2 py-1.5">State</th>
            {exceptHref && <th className="px-2 py-1.5" data-no-print><span className="sr-only">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.arn} data-arn={f.arn} className="border-b border-line/60 align-top last:border-0">
              <td className="px-2 py-1.5"><SeverityBadge severity={f.severity} compact /></td>
              <td className="max-w-[28rem] px-2 py-1.5">
                <Link prefetch={false} href={findingHref(f.arn)} className="text-accent hover:underline">{f.vulnerabilityId ?? f.title}</Link>
                <div className="truncate text-xs text-muted" title={f.title}>{f.vulnerabilityId ? f.title : f.resourceId}</div>
              </td>
              <td className="px-2 py-1.5">{f.accountName ?? f.accountId}<div className="text-xs text-muted">{f.owner}</div></td>
              <td className="px-2 py-1.5 tabular-nums">{formatDate(f.firstObservedAt)}</td>
              <td className="px-2 py-1.5 tabular-nums">{formatDate(f.dueAt)}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">
                {f.excepted ? (
                  <span className="rounded border border-line bg-canvas px-1.5 py-0.5 text-xs font-semibold text-muted">Excepted</span>
                ) : (
                  <span className={f.state === "breached" ? "font-semibold text-[#b2182b]" : "text-[#a34700]"}>{stateText(f, at)}</span>
                )}
              </td>
              {exceptHref && (
                <td className="px-2 py-1.5 text-right" data-no-print>
                  {!f.excepted && <Link prefetch={false} href={exceptHref(f.arn)} className="whitespace-nowrap text-xs text-accent hover:underline" data-testid="add-exception">Add exception</Link>}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
