// One line of live progress for a terminal: each region's phase and pages, then the totals.
import type { SyncProgress } from "./progress";
import { listingModeLabel } from "./findings/listing-mode";

const n = (x: number) => x.toLocaleString("en-US");

export function formatEta(seconds: number | null): string {
  if (seconds === null) return "ETA –";
  if (seconds < 60) return `ETA ${seconds}s`;
  return `ETA ${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

export function progressLine(p: SyncProgress): string {
  const regions = p.regions
    .map((r) => {
      const parts = r.partitionsTotal ? ` ${r.partitionsDone}/${r.partitionsTotal}` : "";
      const mode = r.mode ? ` ${listingModeLabel(r.mode)}` : "";
      return `${r.region} ${r.phase}${mode}${parts} ${n(r.pages)}p`;
    })
    .join(" | ");
  return `${regions} || ${n(p.findings)} findings, ${n(p.findingsPerSecond)}/s, ${formatEta(p.etaSeconds)}, ${n(p.apiRequests)} req${p.throttled ? ` (${n(p.throttled)} throttled)` : ""}`;
}
