// How long Inspector keeps re-scanning ECR images, per region (GetConfiguration): after push, and
// after the last pull or last use. An image past both stops being scanned (SCAN_ELIGIBILITY_EXPIRED).
import type { Scope } from "@/lib/queries/scope";
import { durationLabel, getEcrRescan, pullModeLabel } from "@/lib/queries/coverage/ecr-rescan";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";

export async function EcrRescanCard({ scope }: { scope: Scope }) {
  const rows = await getEcrRescan(scope);
  return (
    <Card title="ECR re-scan setting">
      {!rows.length ? <p className="text-sm text-muted">No data yet: read by the next sync.</p> : (
        <ul className="space-y-2 text-sm" data-testid="ecr-rescan">
          {rows.map((r) => (
            <li key={r.region} className="min-w-0 wrap-anywhere">
              <span className="font-semibold">{r.region}</span>{": "}
              {r.rescan_duration || r.pull_date_rescan_duration ? (
                <>re-scanned {durationLabel(r.rescan_duration)} after push, and {durationLabel(r.pull_date_rescan_duration)} after {pullModeLabel(r.pull_date_rescan_mode)}
                  {r.status && r.status !== "SUCCESS" && <span className="ml-1 text-amber-800">({r.status.toLowerCase()})</span>}</>
              ) : <span className="text-muted">unknown</span>}
              {r.error && <span className="block text-xs text-red-800">Last read failed {formatDateTime(r.synced_at)}: {r.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
