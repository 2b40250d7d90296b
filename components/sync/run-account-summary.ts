// What a run's account-region results say, in words that claim no more than the results hold: a run
// that ended before listing (a role it could not assume) read none, and counts nobody compared with
// Inspector's did not "match".
import { formatCount } from "@/components/ui/format";

export interface RunAccountTotals {
  total: number;
  mismatched: number;
  checked: number;
}

/** The integrity clause after "N of M account-regions read; ", or null when counts differ (shown apart). */
export function integrityClause(t: RunAccountTotals): string | null {
  if (t.mismatched) return null;
  return t.checked ? `integrity checked on ${formatCount(t.checked)}, all match` : "integrity not checked";
}

/** The line shown when no account-region failed or differed (so every one listed was read: ok = total). */
export function noProblemsLine(t: RunAccountTotals, finished: boolean): string {
  if (t.total === 0) return finished ? "No account-region was read in this run." : "No account-region has finished yet.";
  if (t.checked === t.total) return "Every account-region was read and its counts matched Inspector's.";
  if (t.checked === 0) return "Every account-region was read; their counts were not checked against Inspector's.";
  return `Every account-region was read; the ${formatCount(t.checked)} whose counts were checked matched Inspector's.`;
}
