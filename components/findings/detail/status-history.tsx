import type { FindingEventRow } from "@/lib/queries/findings/finding-detail";
import { formatDateTime } from "@/components/ui/format";

const kindLabel: Record<string, string> = { NEW: "First seen", STATUS: "Status", EXPLOITABLE: "Exploit", SEVERITY: "Severity", GONE: "Gone from Inspector", KEV: "CISA KEV" };

// An exploit value Inspector did not send means "not applicable", not unknown.
const value = (kind: string, v: string | null) => v?.toLowerCase() ?? (kind === "EXPLOITABLE" ? "not applicable" : "—");

/** What the cache saw happen to the finding, oldest first. */
export function StatusHistory({ events }: { events: FindingEventRow[] }) {
  if (!events.length) return <p className="text-sm text-muted">No changes recorded by the sync yet.</p>;
  return (
    <ol className="relative space-y-2 border-l border-line pl-4 text-sm" data-testid="status-history">
      {events.map((e, i) => (
        <li key={i} className="relative">
          <span aria-hidden className="absolute -left-[21px] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-panel bg-accent" />
          <span className="font-semibold">{kindLabel[e.kind] ?? e.kind}</span>
          {e.kind !== "NEW" && e.kind !== "GONE" && (
            <span> {value(e.kind, e.from_value)} → <span className="font-semibold">{value(e.kind, e.to_value)}</span></span>
          )}
          <span className="block text-xs text-muted">{formatDateTime(e.at)}</span>
        </li>
      ))}
    </ol>
  );
}
