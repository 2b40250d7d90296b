// What the explorer shows for a filter: a page of findings with the total, or the group counts.
// One JSON-safe shape (dates as ISO strings) for the server's first paint and /api/findings.
import type { Scope } from "@/lib/queries/scope";
import type { FindingsFilter } from "./findings-filter";
import { groupFindings, type FindingGroupRow } from "./findings-groups";
import { countFindings, searchFindings, type FindingRow } from "./findings-search";
import { resolveResourceMatch } from "./resource-match";

type Jsonify<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type FindingListItem = Jsonify<FindingRow>;
export type FindingGroupItem = Omit<FindingGroupRow, "total_groups">;

export type ExplorerResult =
  | { kind: "list"; rows: FindingListItem[]; nextCursor: string | null; page: number; total: number; totalCapped: boolean }
  | { kind: "groups"; groups: FindingGroupItem[]; totalGroups: number; total: number; totalCapped: boolean };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getExplorerResult(scope: Scope, asked: FindingsFilter): Promise<ExplorerResult> {
  const filter = await resolveResourceMatch(asked);
  if (filter.group) {
    const [grouped, total] = await Promise.all([groupFindings(scope, { ...filter, group: filter.group }), countFindings(scope, filter)]);
    return { kind: "groups", ...grouped, total: total.count, totalCapped: total.capped };
  }
  // The capped count comes first: it decides how the page is read (see SearchOptions.filterFirst).
  const total = await countFindings(scope, filter);
  const page = await searchFindings(scope, filter, undefined, { filterFirst: !total.capped, matches: total.count });
  const rows = page.rows.map((r) => ({ ...r, first_observed_at: iso(r.first_observed_at)!, last_observed_at: iso(r.last_observed_at)!, closed_at: iso(r.closed_at) }));
  return { kind: "list", rows, nextCursor: page.nextCursor, page: page.page, total: total.count, totalCapped: total.capped };
}
