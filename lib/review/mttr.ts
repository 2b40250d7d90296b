// Mean time to remediate: from first observation to the final close. A finding closed and later
// reopened has its close cleared by the sync, so only findings closed now count, once. Only
// remediated closures count: a finding closed because its resource went away or stopped being
// scanned (lib/queries/remediation-sql.ts) was not fixed.
import { daysBetween } from "./day";

export interface Remediation {
  firstObservedAt: Date;
  closedAt: Date | null;
  /** false when the resource went away or scanning stopped; undefined counts as remediated. */
  remediated?: boolean;
}

/** Mean days to remediate, or null when nothing was closed (not zero: "no data" is not "instant"). */
export function meanTimeToRemediate(rows: Remediation[]): number | null {
  let total = 0;
  let n = 0;
  for (const r of rows) {
    if (!r.closedAt || r.remediated === false) continue;
    total += Math.max(0, daysBetween(r.firstObservedAt, r.closedAt));
    n++;
  }
  return n === 0 ? null : total / n;
}

/** Days with one decimal for display, or an em dash for no data. */
export function formatMttr(days: number | null): string {
  return days == null ? "—" : `${days.toFixed(1)} d`;
}
