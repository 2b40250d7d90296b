import { severityColor } from "@/lib/domain/severity";
import { inUseParam, type InUseMode } from "@/lib/domain/in-use";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import type { EnablementSummary, LastSync, OpenBreakdownRow } from "@/lib/queries/posture/overview-tiles";
import { formatAge, formatCount, formatDateTime } from "@/components/ui/format";
import { Tile } from "@/components/ui/tile";

export interface OverviewTilesProps {
  breakdown: OpenBreakdownRow[];
  enablement: EnablementSummary;
  lastSync: LastSync;
  regions: string[];
  inUse?: InUseMode;
}

export function OverviewTiles({ breakdown, enablement, lastSync, regions, inUse }: OverviewTilesProps) {
  const use = inUseParam(inUse);
  const sum = (pick: (r: OpenBreakdownRow) => number) => breakdown.reduce((n, r) => n + pick(r), 0);
  const open = sum((r) => r.count);
  const critical = sum((r) => (r.severity === "CRITICAL" ? r.count : 0));
  const high = sum((r) => (r.severity === "HIGH" ? r.count : 0));
  const pct = (n: number) => (open ? `${Math.round((n / open) * 100)}% of ${formatCount(open)} open` : "no open findings");
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 md:grid-cols-3 xl:grid-cols-6">
      <Tile testId="tile-critical" label="Open critical" value={formatCount(critical)} href={findingsHref({ severity: ["CRITICAL"], region: regions, inUse: use })} accent={severityColor.CRITICAL.fill} detail={pct(critical)} />
      <Tile testId="tile-high" label="Open high" value={formatCount(high)} href={findingsHref({ severity: ["HIGH"], region: regions, inUse: use })} accent={severityColor.HIGH.fill} detail={pct(high)} />
      <Tile label="Exploit available" value={formatCount(sum((r) => r.exploitable))} href={findingsHref({ exploit: "YES", region: regions, sort: "epss", inUse: use })} detail="open, with a known exploit" />
      <Tile label="Fix available" value={formatCount(sum((r) => r.fixable))} href={findingsHref({ fix: "YES", region: regions, inUse: use })} detail="open, fixed by an upgrade" />
      <Tile
        label="Fully scanned accounts"
        value={`${formatCount(enablement.fully_enabled)} / ${formatCount(enablement.accounts)}`}
        href="/coverage"
        detail={
          <>
            {enablement.with_sync_problems ? <span className="font-semibold text-red-700">{enablement.with_sync_problems} not readable by the sync</span> : "EC2, ECR, Lambda, Lambda code on"}
            {enablement.departed > 0 && <span data-testid="departed-accounts" className="block">{formatCount(enablement.departed)} left Inspector or the organization</span>}
          </>
        }
      />
      <Tile
        label="Last sync"
        value={lastSync.last_finished_at ? `${formatAge(lastSync.last_finished_at)} ago` : "never"}
        href="/sync"
        detail={
          <span className={lastSync.stale || lastSync.last_outcome === "FAILED" ? "font-semibold text-red-700" : undefined} title={formatDateTime(lastSync.last_finished_at)}>
            {lastSync.running ? "a sync is running" : lastSync.last_outcome ? `last run ${lastSync.last_outcome.toLowerCase()}` : "no finished run"}
          </span>
        }
      />
    </div>
  );
}

export function OverviewTilesSkeleton() {
  return (
    <div aria-hidden className="grid grid-cols-1 gap-3 sm:grid-cols-2 md:grid-cols-3 xl:grid-cols-6">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-[86px] animate-pulse rounded-lg border border-line bg-panel" />
      ))}
    </div>
  );
}
