// What the explorer shows for a filter: a page of findings with the total, or the group counts.
// One JSON-safe shape (dates as ISO strings) for the server's first paint and /api/findings.
import type { Scope } from "@/lib/queries/scope";
import type { FindingsFilter } from "./findings-filter";
import { groupFindings, type FindingGroupRow } from "./findings-groups";
import { countCap, countFindings, searchFindings, type FindingRow } from "./findings-search";
import { resolveResourceMatch, type ResolvedFilter } from "./resource-match";
import { currentFindingsIndex } from "./findings-index";
import { findingsIndexAnswers, findingsIndexMatches, pageFromFindingsIndex } from "./findings-index-answers";
import { groupsFromFindingsIndex } from "./findings-index-groups";
import { keyRollupsAnswer } from "./key-groups";

type Jsonify<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type FindingListItem = Jsonify<FindingRow>;
export type FindingGroupItem = Omit<FindingGroupRow, "total_groups">;

export type ExplorerResult =
  | { kind: "list"; rows: FindingListItem[]; nextCursor: string | null; page: number; total: number; totalCapped: boolean }
  | { kind: "groups"; groups: FindingGroupItem[]; totalGroups: number; total: number; totalCapped: boolean };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The findings that pass the filter, from the index when it holds the filter and is current
 *  (findings-index.ts). */
async function indexMatches(scope: Scope, filter: ResolvedFilter) {
  const index = findingsIndexAnswers(filter) ? await currentFindingsIndex() : undefined;
  return index && { index, matches: await findingsIndexMatches(index, scope, filter) };
}

/** The count: exact from the index's matches, else capped from the database. */
async function totalOf(scope: Scope, filter: ResolvedFilter, matched: { matches: Int32Array } | undefined) {
  return matched ? { count: matched.matches.length, capped: false } : countFindings(scope, filter);
}

export async function getExplorerResult(scope: Scope, asked: FindingsFilter): Promise<ExplorerResult> {
  // The index resolves a resource text itself; the database needs it resolved first (resource-match.ts).
  const matched = await indexMatches(scope, asked);
  const filter = matched ? asked : await resolveResourceMatch(asked);
  if (filter.group) {
    const group = { ...filter, group: filter.group };
    // The key rollups where they hold the groups (no age, nothing else narrowed), else the index.
    const groups = matched && !keyRollupsAnswer(group) ? groupsFromFindingsIndex(matched.index, matched.matches, group) : groupFindings(scope, group);
    const [grouped, total] = await Promise.all([groups, totalOf(scope, filter, matched)]);
    return { kind: "groups", ...grouped, total: total.count, totalCapped: total.capped };
  }
  // The count comes first: it decides how the page is read (see SearchOptions.filterFirst). Few
  // matches: the index has their sort values (the database would read each match first, 60-90 ms at 1M
  // for a few thousand old exploitable findings). Many: an index walk meets them early, unless a
  // resource text would have to be resolved for it (19-32 ms for ":$LATEST" at 1M, where the index's
  // page of its 81k matches takes a few).
  const total = await totalOf(scope, filter, matched);
  const many = total.capped || total.count > countCap;
  const page = matched && (!many || filter.resource !== undefined)
    ? await pageFromFindingsIndex(matched.index, matched.matches, filter)
    : await searchFindings(scope, filter, undefined, { filterFirst: !many, matches: total.count });
  const rows = page.rows.map((r) => ({ ...r, first_observed_at: iso(r.first_observed_at)!, last_observed_at: iso(r.last_observed_at)!, closed_at: iso(r.closed_at) }));
  return { kind: "list", rows, nextCursor: page.nextCursor, page: page.page, total: total.count, totalCapped: total.capped };
}
