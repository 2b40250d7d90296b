import Link from "next/link";
import type { ReasonRow } from "@/lib/queries/coverage/coverage-gaps";
import { explainScanStatusReason } from "@/lib/domain/scan-status-reasons";
import { coverageResourcesHref } from "@/lib/queries/coverage/coverage-resources-filter";
import { formatCount } from "@/components/ui/format";

/** Unscanned resources grouped by Inspector's reason, each with its cause and fix in plain words. */
/** `unknown`: why nothing is known of the resources (an account never synced): said instead of "all scanned". */
export function ReasonList({ reasons, accountId, unknown }: { reasons: ReasonRow[]; accountId?: string; unknown?: string }) {
  if (!reasons.length && unknown) return <p className="text-sm text-muted">Coverage unknown ({unknown}).</p>;
  if (!reasons.length) return <p className="text-sm text-muted">Every resource Inspector knows is being scanned.</p>;
  return (
    <ul className="divide-y divide-line" data-testid="reason-list">
      {reasons.map((r) => {
        const info = explainScanStatusReason(r.reason);
        const parts = ([["EC2", r.ec2], ["ECR", r.ecr], ["Lambda", r.lambda], ["Lambda code", r.lambda_code]] as const).filter(([, n]) => n > 0);
        return (
          <li key={r.reason} className="grid gap-x-4 gap-y-1 py-3 sm:grid-cols-[14rem_1fr]" data-reason={r.reason}>
            <div>
              <Link href={coverageResourcesHref({ reason: r.reason, account: accountId })} className="font-semibold text-accent hover:underline">
                {formatCount(r.resources)} · {info.label}
              </Link>
              <div className="font-mono text-[11px] text-muted">{r.reason}</div>
              <div className="text-xs text-muted">
                {parts.map(([k, n]) => `${k} ${formatCount(n)}`).join(" · ")}
                {!accountId && ` · ${r.accounts} account${r.accounts === 1 ? "" : "s"}`}
              </div>
            </div>
            <div className="text-sm">
              <p><span className="font-semibold">Cause: </span>{info.cause}</p>
              <p className="mt-0.5"><span className="font-semibold">Fix: </span>{info.fix}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
