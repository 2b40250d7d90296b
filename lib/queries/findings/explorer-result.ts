// What the explorer shows for a filter: a page of findings with the total, or the group counts.
// One JSON-safe shape (dates as ISO strings) for the server's first paint and /api/findings.
import type { Scope } from "@/lib/queries/scope";
import type { FindingsFilter } from "./findings-filter";
import { groupFindings, type FindingGroupRow } from "./findings-groups";
import { countCap, countFindings, searchFindings, type FindingRow } from "./findings-search";
import { resolveResourceMatch, type ResolvedFilter } from "./resource-match";
import { currentFindingsIndex } from "./findings-index";
import { findingsIndexAnswers, pagePick, readPage, withFindingsIndexMatches } from "./findings-index-answers";
import { groupsPick, readGroups } from "./findings-index-groups";
import { keyRollupsAnswer } from "./key-groups";

type Jsonify<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type FindingListItem = Jsonify<FindingRow>;
export type FindingGroupItem = Omit<FindingGroupRow, "total_groups">;

export type ExplorerResult =
  | { kind: "list"; rows: FindingListItem[]; nextCursor: string | null; page: number; total: number; totalCapped: boolean }
  | { kind: "groups"; groups: FindingGroupItem[]; totalGroups: number; total: number; totalCapped: boolean };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The index's answer when it holds the filter and is current (findings-index.ts): the exact count,
 *  and the page's groups, or its findings unless the database would find them sooner, picked in the
 *  pass over the matches (their array is only the pass's: findings-index-answers.ts). */
async function indexAnswer(scope: Scope, filter: ResolvedFilter, version: string | undefined) {
  const index = findingsIndexAnswers(filter) ? await currentFindingsIndex(version) : undefined;
  if (!index) return undefined;
  const group = filter.group && { ...filter, group: filter.group };
  return withFindingsIndexMatches(index, scope, filter, (matches) => ({
    index,
    count: matches.length,
    // The key rollups where they hold the groups (no age, nothing else narrowed), else the index.
    groups: group && !keyRollupsAnswer(group) ? groupsPick(index, matches, group) : undefined,
    // Few matches: the index has their sort values (the database would read each match first, 60-90 ms
    // at 1M for a few thousand old exploitable findings). Many: an index walk meets them early, unless
    // a resource text would have to be resolved for it (19-32 ms for ":$LATEST" at 1M, where the
    // index's page of its 81k matches takes a few).
    page: !group && (matches.length <= countCap || filter.resource !== undefined) ? pagePick(index, matches, filter) : undefined,
  }));
}

/** `version`: the data version just read, when the caller has it (explorerMemo). */
export async function getExplorerResult(scope: Scope, asked: FindingsFilter, version?: string): Promise<ExplorerResult> {
  // The index resolves a resource text itself; the database needs it resolved first (resource-match.ts).
  const answer = await indexAnswer(scope, asked, version);
  const filter = answer ? asked : await resolveResourceMatch(asked);
  // The count: exact from the index, else capped from the database.
  const counted = answer ? Promise.resolve({ count: answer.count, capped: false }) : countFindings(scope, filter);
  if (filter.group) {
    const group = { ...filter, group: filter.group };
    const groups = answer?.groups ? readGroups(answer.index, answer.groups, group) : groupFindings(scope, group);
    const [grouped, total] = await Promise.all([groups, counted]);
    return { kind: "groups", ...grouped, total: total.count, totalCapped: total.capped };
  }
  // The count comes first: it decides how the database reads the page (see SearchOptions.filterFirst).
  const total = await counted;
  const many = total.capped || total.count > countCap;
  const page = answer?.page
    ? await readPage(answer.index, answer.page, filter)
    : await searchFindings(scope, filter, undefined, { filterFirst: !many, matches: total.count });
  const rows = page.rows.map((r) => ({ ...r, first_observed_at: iso(r.first_observed_at)!, last_observed_at: iso(r.last_observed_at)!, closed_at: iso(r.closed_at) }));
  return { kind: "list", rows, nextCursor: page.nextCursor, page: page.page, total: total.count, totalCapped: total.capped };
}
