// The "In use only" switch: a link to the same page with the other choice in the URL, so the
// choice is shareable and survives reload. Server-rendered; no client state.
import Link from "next/link";
import type { ImageUsageSummary } from "@/lib/queries/posture/image-usage-summary";
import { formatCount } from "@/components/ui/format";

/** `locked`: a record that cannot change (a frozen review) shows its choice, disabled, and why. */
export function InUseSwitch({ on, href, summary, locked }: { on: boolean; href: string; summary?: ImageUsageSummary; locked?: string }) {
  const knob = (
    <span aria-hidden className={`relative inline-block h-4 w-7 rounded-full transition-colors ${on ? "bg-accent" : "bg-line"}`}>
      <span className={`absolute top-0.5 h-3 w-3 rounded-full bg-white shadow transition-all ${on ? "left-3.5" : "left-0.5"}`} />
    </span>
  );
  const look = "inline-flex items-center gap-2 rounded-md border border-line bg-white px-2 py-1 font-semibold";
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      {locked ? (
        <span role="switch" aria-checked={on} aria-disabled="true" data-testid="in-use-switch" title={locked} className={`${look} cursor-not-allowed opacity-70`}>{knob}In use only</span>
      ) : (
        <Link href={href} role="switch" aria-checked={on} data-testid="in-use-switch" scroll={false} className={`${look} hover:border-accent`}>{knob}In use only</Link>
      )}
      {locked ? <span className="text-xs text-muted" data-testid="in-use-note">{locked}</span> : summary && <InUseNote on={on} summary={summary} />}
    </div>
  );
}

/** What the switch does to the counts, in one sentence. */
export function InUseNote({ on, summary: s }: { on: boolean; summary: ImageUsageSummary }) {
  const images = (n: number) => `${formatCount(n)} container image${n === 1 ? "" : "s"}`;
  let text: string;
  if (!s.knownImages) text = "Inspector has reported no image usage yet: every container image counts.";
  else if (on) {
    text = `Counts exclude ${formatCount(s.idleFindings)} findings on ${images(s.idleImages)} not running anywhere` +
      (s.unknownImages ? `; ${images(s.unknownImages)} with unknown usage are included.` : ".");
  } else text = `All images count, including ${images(s.idleImages)} not running anywhere (${formatCount(s.idleFindings)} findings).`;
  return <span className="text-xs text-muted" data-testid="in-use-note">{text}</span>;
}
