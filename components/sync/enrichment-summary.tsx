// Per region, what the known-exploitation enrichment (BatchGetFindingDetails) did in this run; an
// error is shown as one, while the sync itself stays successful.
import type { SyncRegionRow } from "@/lib/queries/sync/sync-runs";
import { formatCount, formatDuration } from "@/components/ui/format";
import type { EnrichmentResult } from "@/lib/sync/enrich/enrich-region";


export function EnrichmentSummary({ regions }: { regions: Pick<SyncRegionRow, "region" | "checks">[] }) {
  const rows = regions.flatMap((r) => (r.checks?.enrichment ? [{ region: r.region, e: r.checks.enrichment as EnrichmentResult }] : []));
  if (!rows.length) return null;
  return (
    <div className="text-sm" data-testid="sync-enrichment">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Finding details (CISA KEV, EPSS, exploit observed)</h3>
      <ul className="mt-1 space-y-0.5">
        {rows.map(({ region, e }) => {
          const failed = Object.entries(e.arnErrors ?? {});
          return (
            <li key={region}>
              <span className="font-mono text-xs">{region}</span>: {formatCount(e.stored)} of {formatCount(e.targets)} vulnerabilities fetched in {formatCount(e.calls)} calls ({formatDuration(e.durationMs)})
              {e.kevEvents > 0 && `, ${formatCount(e.kevEvents)} findings changed KEV state`}
              {failed.length > 0 && <span className="text-red-800">; answered with errors: {failed.map(([c, n]) => `${c} ×${n}`).join(", ")}</span>}
              {e.error && <span className="text-red-800">; incomplete: {e.error}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
