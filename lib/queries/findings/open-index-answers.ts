// The explorer's exact count and CVE groups from the open findings index (open-findings-index.ts), for
// the filters it holds: open findings narrowed by accounts, region, severity, finding type, resource
// type, resource text (resource-text-masks.ts), CVE (its spellings, as the finding's key or a related
// vulnerability: finding-key-sql.ts), package, fix, exploit, age and the "In use only" switch; and the
// page of such a filter's findings in any sort, from the matches' sort values (findings-sort.ts's
// segments and keyset). The same rows the SQL counts: the index holds each condition's columns as
// findingsWhere tests them, and the age cutoffs come from the database. Each shown group's label is its
// top finding's title, read by id, and the groups are put in order by the database, whose collation
// orders keys.
import { defaultInUse } from "@/lib/domain/in-use";
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { narrowsOnlyBy, sameValue } from "./findings-filter";
import type { FindingsFilterField } from "./findings-fields";
import type { FindingGroupRow } from "./findings-groups";
import { ageCutoffs, type OpenFindingsIndex } from "./open-findings-index";
import { resourceTextMasks } from "./resource-text-masks";
import { keySpellings } from "./finding-key-sql";
import type { ResolvedFilter } from "./resource-match";
import { decodeCursor, encodeCursor } from "./findings-cursor";
import { cursorValue as cursorValueOf, sortSegments, type SortSegment } from "./findings-sort";
import { findingRowColumns, type FindingRow, type FindingsPage } from "./findings-search";

/** The fields the index holds, or that do not narrow the rows. */
const held = new Set<FindingsFilterField>([
  "account", "region", "severity", "status", "type", "resourceType", "resource", "cve", "package", "fix", "exploit", "ageMin", "ageMax", "inUse", "group", "sort",
  "cursor", "limit",
]);

/** Whether the index holds this filter's rows: open findings, grouped by CVE or not grouped, nothing
 *  narrowed beyond the held fields. A resource text is the index's own to resolve (resource-text-masks.ts). */
export function openIndexAnswers(filter: ResolvedFilter): boolean {
  if (!sameValue(filter.status, [OPEN_STATUS])) return false;
  if (filter.group && filter.group !== "cve") return false;
  return narrowsOnlyBy(filter, held);
}

/** The entries of the index that pass the filter, in the index's order: one pass over its columns. */
export async function openIndexMatches(index: OpenFindingsIndex, scope: Scope, filter: ResolvedFilter): Promise<Int32Array> {
  const { dict } = index;
  const oneOf = (values: readonly string[]) => (values.length ? (v: string | null) => v !== null && values.includes(v) : undefined);
  const scoped = scope.accountIds === "all" ? undefined : new Set(scope.accountIds);
  const accountOk = dict.account.mask((v) => (!scoped || scoped.has(v!)) && (!filter.account.length || filter.account.includes(v!)));
  const regionOk = dict.region.mask(oneOf(filter.region));
  const severityOk = dict.severity.mask(oneOf(filter.severity));
  const typeOk = dict.type.mask(oneOf(filter.type));
  const resourceTypeOk = dict.resourceType.mask(oneOf(filter.resourceType));
  const fixOk = dict.fix.mask(filter.fix ? (v) => v === filter.fix : undefined);
  const exploitOk = dict.exploit.mask(filter.exploit === "NA" ? (v) => v === null : filter.exploit ? (v) => v === filter.exploit : undefined);
  // The switch (inUseSql): "only" leaves out idle images, "idle" keeps only them, "all" keeps every one.
  const mode = filter.inUse ?? defaultInUse;
  const idleOk = mode === "all" ? Uint8Array.of(1, 1) : mode === "idle" ? Uint8Array.of(0, 1) : Uint8Array.of(1, 0);
  const { atMost, after } = await ageCutoffs(filter.ageMin, filter.ageMax);
  // A CVE: any of its spellings as the key, or among the related vulnerabilities.
  const spellings = filter.cve ? keySpellings(filter.cve) : [];
  const keyOk = filter.cve ? dict.key.mask((v) => spellings.includes(v!)) : undefined;
  const relatedOk = filter.cve ? dict.related.mask((v) => spellings.includes(v!)) : undefined;
  const packageCode = filter.package === undefined ? -1 : dict.package.values.indexOf(filter.package);
  if (filter.package !== undefined && packageCode < 0) return new Int32Array(0);
  // A resource text: the first resource's matches by its code, else any later resource's.
  const masks = filter.resource === undefined ? undefined : await resourceTextMasks(index, filter.resource);
  // Each combination of the one-byte columns tested once; then one lookup per open finding.
  const comboOk = Uint8Array.from(index.comboParts, ([r, rt, t, sev, ex, fx, idl]) =>
    regionOk[r] & resourceTypeOk[rt] & typeOk[t] & severityOk[sev] & exploitOk[ex] & fixOk[fx] & idleOk[idl]);
  // The columns as locals: the loop below runs once per open finding.
  const { account, combo, firstObserved, key, resource, size } = index;
  const { start: otherStart, codes: otherCodes } = index.others;
  const { start: packageStart, codes: packageCodes } = index.packages;
  const { start: relatedStart, codes: relatedCodes } = index.related;
  const out = new Int32Array(size);
  let n = 0;
  entries: for (let i = 0; i < size; i++) {
    if (!comboOk[combo[i]] || !accountOk[account[i]]) continue;
    const first = firstObserved[i];
    if (first > atMost || first <= after) continue;
    if (keyOk && !keyOk[key[i]]) {
      let related = false;
      for (let j = relatedStart[i]; j < relatedStart[i + 1] && !related; j++) related = relatedOk![relatedCodes[j]] === 1;
      if (!related) continue;
    }
    if (masks && !masks.first[resource[i]]) {
      let later = false;
      for (let j = otherStart[i]; j < otherStart[i + 1] && !later; j++) later = masks.later[otherCodes[j]] === 1;
      if (!later) continue;
    }
    if (packageCode >= 0) {
      for (let j = packageStart[i]; j < packageStart[i + 1]; j++) {
        if (packageCodes[j] === packageCode) {
          out[n++] = i;
          continue entries;
        }
      }
      continue;
    }
    out[n++] = i;
  }
  return out.slice(0, n);
}

/** The CVE groups, as groupFindingsOverFindings gives them. */
export async function groupsFromOpenIndex(index: OpenFindingsIndex, matches: Int32Array, filter: ResolvedFilter & { limit: number }) {
  const keys = index.dict.key.values.length;
  const count = new Int32Array(keys), critical = new Int32Array(keys), high = new Int32Array(keys), exploitable = new Int32Array(keys), accounts = new Int32Array(keys);
  const criticalCode = index.dict.severity.values.indexOf("CRITICAL"), highCode = index.dict.severity.values.indexOf("HIGH");
  const yesCode = index.dict.exploit.values.indexOf("YES");
  const seen = new Uint8Array(index.pairs);
  const { key, severity, exploit, pair } = index;
  for (let m = 0; m < matches.length; m++) {
    const i = matches[m], k = key[i];
    count[k]++;
    if (severity[i] === criticalCode) critical[k]++;
    else if (severity[i] === highCode) high[k]++;
    if (exploit[i] === yesCode) exploitable[k]++;
    // The key's first finding in this account.
    if (!seen[pair[i]]) {
      seen[pair[i]] = 1;
      accounts[k]++;
    }
  }
  const present: number[] = [];
  for (let k = 0; k < keys; k++) if (count[k] > 0) present.push(k);
  const rank = (a: number, b: number) => critical[b] - critical[a] || high[b] - high[a] || count[b] - count[a];
  present.sort(rank);
  // The page's groups and every group tied with its last on the counts: the database orders ties by key.
  let end = Math.min(filter.limit, present.length);
  while (end > 0 && end < present.length && rank(present[end - 1], present[end]) === 0) end++;
  const shown = present.slice(0, end);
  if (!shown.length) return { groups: [], totalGroups: 0 };
  // Each shown group's top finding, as the key's index orders them (shownGroupsSql in key-groups.ts):
  // an unscored finding first, else the best score, then the lowest id; it gives the label. The best
  // score is the greatest among the group's scored findings (none: null).
  const shownAt = new Int32Array(keys).fill(-1);
  shown.forEach((k, n) => (shownAt[k] = n));
  const top = new Int32Array(shown.length).fill(-1), best = new Float64Array(shown.length).fill(NaN);
  const { score, id } = index;
  const above = (i: number, t: number) => {
    const a = score[i], b = score[t];
    if (Number.isNaN(a) !== Number.isNaN(b)) return Number.isNaN(a);
    return a !== b && !Number.isNaN(a) ? a > b : id[i] < id[t];
  };
  for (let m = 0; m < matches.length; m++) {
    const i = matches[m], n = shownAt[key[i]];
    if (n < 0) continue;
    if (!Number.isNaN(score[i]) && !(score[i] <= best[n])) best[n] = score[i];
    if (top[n] < 0 || above(i, top[n])) top[n] = i;
  }
  const column = (a: Int32Array) => shown.map((k) => a[k]);
  // The titles by id, and the order of groups tied on their counts by the database's collation of keys.
  const rows = await queryRows<FindingGroupRow>(Prisma.sql`SELECT g.key, f.title AS label, g.count, g.critical, g.high, g.exploitable, g.accounts, g.max_score
    FROM unnest(${shown.map((k) => index.dict.key.values[k]!)}::text[], ${column(count)}::int[], ${column(critical)}::int[], ${column(high)}::int[],
      ${column(exploitable)}::int[], ${column(accounts)}::int[], ${Array.from(top, (i) => String(id[i]))}::int8[],
      ${Array.from(best, (b) => (Number.isNaN(b) ? null : b))}::float8[]) AS g(key, count, critical, high, exploitable, accounts, top_id, max_score)
    LEFT JOIN findings f ON f.id = g.top_id
    ORDER BY g.critical DESC, g.high DESC, g.count DESC, g.key ASC LIMIT ${filter.limit}`);
  return { groups: rows, totalGroups: present.length };
}

/** One match's place in the sort: its segment (none: the sort leaves it out) and value. */
function placeIn(index: OpenFindingsIndex, segments: SortSegment[], i: number): { segment: number; value: number } | undefined {
  const severity = index.dict.severity.values[index.severity[i]];
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    if (seg.severity !== undefined && seg.severity !== severity) continue;
    const valued = seg.column ?? seg.unvaluedOf;
    if (valued === "first_observed_at") return { segment: s, value: index.firstObserved[i] };
    if (valued === undefined) return { segment: s, value: 0 };
    const v = valued === "inspector_score" ? index.score[i] : index.epss[i];
    if (seg.unvaluedOf) {
      if (Number.isNaN(v)) return { segment: s, value: 0 };
    } else if (!Number.isNaN(v)) return { segment: s, value: v };
  }
  return undefined;
}

/** The page searchFindings reads for this filter: the matches after the cursor in the sort's
 *  segments, each ordered by its value and then id, read back by id. */
export async function pageFromOpenIndex(index: OpenFindingsIndex, matches: Int32Array, filter: ResolvedFilter): Promise<FindingsPage> {
  const segments = sortSegments(filter.sort, filter.severity);
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const from = cursor?.segment ?? 0;
  const cursorValue = cursor?.value === null || cursor?.value === undefined ? NaN : typeof cursor.value === "string" ? Date.parse(cursor.value) : cursor.value;
  const cursorId = cursor ? Number(cursor.id) : NaN;
  // Before b in the sort: an earlier segment, then the segment's order of values, then the lower id.
  type Place = { segment: number; value: number; i: number };
  const before = (a: Place, b: Place) => {
    if (a.segment !== b.segment) return a.segment < b.segment;
    const seg = segments[a.segment];
    if (seg.column && a.value !== b.value) return seg.direction === "DESC" ? a.value > b.value : a.value < b.value;
    return index.id[a.i] < index.id[b.i];
  };
  const want = filter.limit + 1;
  // The first `want` matches in the sort's order: a max-heap of the best seen, its worst on top.
  const heap: Place[] = [];
  const worse = (a: Place, b: Place) => before(b, a);
  const siftDown = (k: number) => {
    for (;;) {
      const l = 2 * k + 1, r = l + 1;
      let m = k;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === k) return;
      [heap[k], heap[m]] = [heap[m], heap[k]];
      k = m;
    }
  };
  for (const i of matches) {
    const place = placeIn(index, segments, i);
    if (!place || place.segment < from) continue;
    if (cursor && place.segment === from) {
      // The keyset (afterCursor): strictly after the cursor's value and id within its segment.
      const seg = segments[from];
      const id = index.id[i];
      if (!seg.column) {
        if (!(id > cursorId)) continue;
      } else if (!(seg.direction === "DESC" ? place.value < cursorValue : place.value > cursorValue) && !(place.value === cursorValue && id > cursorId)) continue;
    }
    const p = { ...place, i };
    if (heap.length < want) {
      heap.push(p);
      for (let k = heap.length - 1; k > 0; ) {
        const parent = (k - 1) >> 1;
        if (!worse(heap[k], heap[parent])) break;
        [heap[k], heap[parent]] = [heap[parent], heap[k]];
        k = parent;
      }
    } else if (before(p, heap[0])) {
      heap[0] = p;
      siftDown(0);
    }
  }
  const ordered = heap.sort((a, b) => (before(a, b) ? -1 : 1));
  const ids = ordered.map((p) => String(index.id[p.i]));
  const read = ids.length ? await queryRows<FindingRow>(Prisma.sql`SELECT ${findingRowColumns} FROM findings f LEFT JOIN accounts a ON a.id = f.account_id
    WHERE f.id = ANY(${ids}::int8[])`) : [];
  const byId = new Map(read.map((r) => [String(r.id), r]));
  const rows = ordered.flatMap((p, k) => (byId.has(ids[k]) ? [{ row: byId.get(ids[k])!, segment: p.segment }] : []));
  const page = cursor?.page ?? 1;
  const last = rows.length > filter.limit ? rows[filter.limit - 1] : undefined;
  const nextCursor = last
    ? encodeCursor({ sort: filter.sort, segment: last.segment, value: cursorValueOf(segments[last.segment], last.row), id: String(last.row.id), page: page + 1 })
    : null;
  return { rows: rows.slice(0, filter.limit).map((r) => r.row), nextCursor, page };
}
