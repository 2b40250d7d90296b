// The history the finding detail page shows: first sight, taken from the finding itself (the sync
// stores no event for it), then the changes the sync recorded, oldest first.
import type { FindingEventRow } from "./finding-detail";

export function findingHistory(finding: { first_observed_at: Date; status: string }, changes: FindingEventRow[]): FindingEventRow[] {
  // Its status when first seen: what the first recorded status change moved it from, else today's.
  const firstStatus = changes.find((e) => e.kind === "STATUS")?.from_value ?? finding.status;
  return [{ at: finding.first_observed_at, kind: "NEW", from_value: null, to_value: firstStatus }, ...changes];
}
