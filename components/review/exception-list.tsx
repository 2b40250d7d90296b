// One list of risk exceptions (expiring, expired or active) with what each covers.
import Link from "next/link";
import { formatDate } from "@/components/ui/format";
import { approveExceptionAction, revokeExceptionAction } from "@/lib/actions/risk-exceptions";
import type { ExceptionRow } from "@/lib/queries/review/review-types";

const badge: Record<string, string> = {
  expiring: "border-[#e66101] text-[#a34700] bg-[#fff4ec]",
  expired: "border-[#b2182b] text-[#b2182b] bg-[#fdf0f1]",
  active: "border-line text-muted bg-canvas",
};

function covers(e: ExceptionRow): string {
  if (e.findingArn) return e.findingArn.split("/").pop() ?? e.findingArn;
  const res = e.resourceIds.length ? `${e.resourceIds.length} resource${e.resourceIds.length > 1 ? "s" : ""}` : "all resources";
  return `${e.vulnerabilityId} on ${res}`;
}

export function ExceptionList({ rows, empty, editable, testId }: { rows: ExceptionRow[]; empty: string; editable: boolean; testId: string }) {
  if (!rows.length) return <p className="text-sm text-muted" data-testid={testId}>{empty}</p>;
  return (
    <ul className="divide-y divide-line/70" data-testid={testId}>
      {rows.map((e) => (
        <li key={e.id} className="flex flex-wrap items-start justify-between gap-3 py-2.5 print:break-inside-avoid">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${badge[e.status] ?? badge.active}`}>
                {e.status === "expired" ? "Expired" : e.status === "expiring" ? "Expiring"  : "Active"} {formatDate(e.expiresAt)}
              </span>
              <Link prefetch={false} href={e.href} className="truncate font-medium text-accent hover:underline" title={e.findingArn ?? e.resourceIds.join(", ")}>{covers(e)}</Link>
              <span className="text-xs text-muted">{e.findings} open finding{e.findings === 1 ? "" : "s"}</span>
            </div>
            <p className="mt-0.5 text-sm">{e.reason}</p>
            <p className="text-xs text-muted" data-testid="exception-authors">
              Owner {e.owner} · recorded {formatDate(e.createdAt)}{e.createdBy ? ` by ${e.createdBy}` : ""}
              {e.approvedAt ? (e.approvedBy && e.approvedBy !== e.createdBy ? ` · approved by ${e.approvedBy}` : "") : " · awaiting approval (does not count yet)"}
            </p>
          </div>
          {editable && !e.approvedAt && (
            <form action={approveExceptionAction} data-no-print>
              <input type="hidden" name="id" value={e.id} />
              <button type="submit" className="rounded border border-line px-2.5 py-1 text-xs font-medium hover:border-accent hover:text-accent" aria-label={`Approve exception ${e.id}`}>Approve</button>
            </form>
          )}
          {editable && e.status !== "expired" && (
            <form action={revokeExceptionAction} data-no-print>
              <input type="hidden" name="id" value={e.id} />
              <button type="submit" className="rounded border border-line px-2.5 py-1 text-xs font-medium hover:border-[#b2182b] hover:text-[#b2182b]" aria-label={`Revoke exception ${e.id}`}>
                Revoke
              </button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
