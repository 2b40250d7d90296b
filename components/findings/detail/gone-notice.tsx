// A finding Inspector no longer reports (status GONE): since when, why, and what Inspector last said.
import { goneReasonLabel, goneReasons, lifecycleStatusLabel, lifecycleStatuses, type GoneReason, type LifecycleStatus } from "@/lib/domain/lifecycle";
import { formatDateTime } from "@/components/ui/format";

interface GoneFinding {
  status: string;
  gone_at: Date | string | null;
  gone_reason: string | null;
  gone_from_status: string | null;
}

/** "No longer reported by Inspector since <date>, because <reason>." — null while it is reported. */
export function goneSentence(f: GoneFinding): string | null {
  if (f.status !== "GONE" && !f.gone_at) return null;
  const since = f.gone_at ? ` since ${formatDateTime(f.gone_at)}` : "";
  const reason = (goneReasons as readonly string[]).includes(f.gone_reason ?? "")
    ? `, because ${goneReasonLabel[f.gone_reason as GoneReason]}`
    : " (the sync did not learn why)";
  return `No longer reported by Inspector${since}${reason}.`;
}

export function GoneNotice({ finding }: { finding: GoneFinding }) {
  const sentence = goneSentence(finding);
  if (!sentence) return null;
  const last = finding.gone_from_status;
  const lastLabel = last && (lifecycleStatuses as readonly string[]).includes(last) ? lifecycleStatusLabel[last as LifecycleStatus] : last;
  return (
    <p role="status" className="mt-3 rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-800">
      {sentence}
      {lastLabel && <span className="text-muted"> Inspector last reported it as {lastLabel.toLowerCase()}.</span>}
    </p>
  );
}
