// Mean time to remediate: from first observation to the final close. A finding closed and later
// reopened has its close cleared by the sync, so only findings closed now count, once.
import { daysBetween } from "./day";

export interface Remediation {
  firstObservedAt: Date;
  closedAt: Date | null;
}

/** Mean days to remediate, or null when nothing was closed (not zero: "no data" is not "instant"). */
export function meanTimeToRemediate(rows: Remediation[]): number | null {
  let total = 0;
  let n = 0;
  for (const r of rows) {
    if (!r.closedAt) continue;
    total += Math.max(0, daysBetween(r.firstObservedAt, r.closedAt));
    n++;
  }
  return n === 0 ? null : total / n;
}

/** Days with one decimal for display, or an em dash for no data. */
export function formatMttr(days: number | null): string {
  return days == null ? "—" : `${days.toFixed(1)} d`;
}
