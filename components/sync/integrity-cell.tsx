// One account-region's integrity result: whether the cache's open counts per severity equal
// Inspector's after the run's repairs, and if not, the residual (sum of the cells' differences).
import { StatusPill } from "@/components/ui/status-pill";
import { formatCount } from "@/components/ui/format";

interface Integrity {
  integrity_match: boolean | null;
  integrity_residual?: number | null;
  integrity_repaired?: boolean | null;
}

export function IntegrityCell({ r }: { r: Integrity }) {
  if (r.integrity_match === null) return <span className="text-muted">not checked</span>;
  const repaired = r.integrity_repaired ? <span className="ml-1 text-[11px] text-muted">re-listed this run</span> : null;
  if (r.integrity_match) return <><StatusPill value="OK" label="counts match" />{repaired}</>;
  const residual = r.integrity_residual;
  return (
    <span data-testid="integrity-residual" title="Sum over severities of |cache − Inspector| open findings after the run's repairs">
      <StatusPill value="ERROR" label={residual == null ? "counts differ" : `${formatCount(residual)} off`} />
      {repaired}
    </span>
  );
}
