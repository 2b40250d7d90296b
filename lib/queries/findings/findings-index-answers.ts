// The explorer's exact count, and the page of the matching findings in any sort, from the findings
// index (findings-index.ts), for the filters it holds: findings of any statuses narrowed by the dates
// they closed and how (remediated or removed), accounts, owners, OUs, region, severity, finding type,
// resource type, resource text (resource-text-masks.ts), resource tags, CVE (its spellings, as the
// finding's key or a related vulnerability: finding-key-sql.ts), package, fix, exploit (and since
// when), KEV, score and EPSS bounds, age, first-seen dates, the reopened and became-exploitable
// windows, AMI, image, provider, pulls, an alert's digest and the "In use only" switch. The same
// rows the SQL counts: the index holds each condition's columns as findingsWhere tests them, and the
// age cutoffs and the resource text's lowering come from the database. The page follows the sort's
// segments and keyset (findings-sort.ts); the groups are findings-index-groups.ts's.
import { defaultInUse } from "@/lib/domain/in-use";
import type { LifecycleStatus } from "@/lib/domain/lifecycle";
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { narrowsOnlyBy } from "./findings-filter";
import type { FindingsFilterField } from "./findings-fields";
import { ageCutoffs, entryOfId, type DatedEntries, type Dictionary, type FindingsIndex } from "./findings-index";
import { imageKeys, ouInSql, ownerInSql } from "./findings-where";
import { ECR_IMAGE } from "@/lib/queries/in-use-sql";
import { resourceTextMasks } from "./resource-text-masks";
import { UNOWNED } from "@/lib/review/owner";
import { findingsIndexGroups } from "./findings-index-groups";
import { lowerEdge, upperEdge } from "./time-bound";
import { keySpellings } from "./finding-key-sql";
import type { ResolvedFilter } from "./resource-match";
import { decodeCursor, encodeCursor } from "./findings-cursor";
import { cursorValue as cursorValueOf, sortSegments, type SortSegment } from "./findings-sort";
import { findingRowColumns, type FindingRow, type FindingsPage } from "./findings-search";
import { int32, scratch, uint8 } from "./scratch-arrays";
import { postingsCount, postingsOf } from "./findings-index-postings";

/** The fields the index holds, or that do not narrow the rows. */
const held = new Set<FindingsFilterField>([
  "account", "owner", "ou", "region", "severity", "status", "type", "resourceType", "resource", "tag", "cve", "package", "fix", "exploit", "kev", "epssMin", "epssMax",
  "scoreMin", "scoreMax", "ageMin", "ageMax", "firstSeenFrom", "firstSeenTo", "closedFrom", "closedTo", "closure", "exploitableFrom",
  "reopenedFrom", "reopenedTo", "becameExploitableFrom", "becameExploitableTo", "inUse", "notPulledDays", "provider",
  "providerAccount", "ami", "image", "alert", "group", "sort", "cursor", "limit",
]);

/** The fields the candidates' pass (candidatesOf) decides alone: the combination's columns, the account
 *  (its owner and OU too) and the age. A filter of any other field is tested on the candidates. */
const decidedByCandidates = new Set<FindingsFilterField>([
  "account", "owner", "ou", "region", "severity", "status", "type", "resourceType", "fix", "exploit", "kev", "inUse", "provider", "closure",
  "ageMin", "ageMax", "group", "sort", "cursor", "limit",
]);

/** Whether the index holds this filter's rows: not grouped, or grouped as findingsIndexGroups holds,
 *  nothing narrowed beyond the held fields. A resource text is the index's own to resolve (resource-text-masks.ts). */
export function findingsIndexAnswers(filter: ResolvedFilter): boolean {
  if (filter.group && !findingsIndexGroups.has(filter.group)) return false;
  return narrowsOnlyBy(filter, held);
}

/** `consume` of the entries of the index that pass the filter, status by status, each in the index's order,
 *  called on a scratch array (scratch-arrays.ts) in the same synchronous stretch that fills it: what
 *  it returns must not hold the array. A copy of 360k matches for each question was ~5 ms of page
 *  faults on this VM. The candidates first: the entries a dated or digest filter allows, else those of
 *  the statuses asked that pass the one-byte columns, the account and the age, in one tight pass (~4 ms
 *  over the open findings of a 1M cache, where one pass testing every condition took ~11). Then every
 *  condition, on the candidates, when anything else is asked. */
export async function withFindingsIndexMatches<T>(index: FindingsIndex, scope: Scope, filter: ResolvedFilter, consume: (matches: Int32Array) => T): Promise<T> {
  const none = new Int32Array(0);
  const { dict } = index;
  const oneOf = (values: readonly string[]) => (values.length ? (v: string | null) => v !== null && values.includes(v) : undefined);
  const scoped = scope.accountIds === "all" ? undefined : new Set(scope.accountIds);
  const named = await accountsNamed(filter);
  const accountOk = dict.account.mask((v) => (!scoped || scoped.has(v!)) && (!filter.account.length || filter.account.includes(v!)) && (!named || named(v!)));
  const regionOk = dict.region.mask(oneOf(filter.region));
  const severityOk = dict.severity.mask(oneOf(filter.severity));
  const typeOk = dict.type.mask(oneOf(filter.type));
  const resourceTypeOk = dict.resourceType.mask(oneOf(filter.resourceType));
  const fixOk = dict.fix.mask(filter.fix ? (v) => v === filter.fix : undefined);
  const exploitOk = dict.exploit.mask(filter.exploit === "NA" ? (v) => v === null : filter.exploit ? (v) => v === filter.exploit : undefined);
  // The switch (inUseSql): "only" leaves out idle images, "idle" keeps only them, "all" keeps every one.
  const mode = filter.inUse ?? defaultInUse;
  const idleOk = mode === "all" ? Uint8Array.of(1, 1) : mode === "idle" ? Uint8Array.of(0, 1) : Uint8Array.of(1, 0);
  // Statuses asked (none: every one).
  const statusOk = dict.status.mask(filter.status.length ? (v) => filter.status.includes(v as LifecycleStatus) : undefined);
  // KEV states 0 unknown, 1 yes, 2 no (kevFilterSql).
  const kevOk = filter.kev === "YES" ? Uint8Array.of(0, 1, 0) : filter.kev === "NO" ? Uint8Array.of(0, 0, 1) : filter.kev === "UNKNOWN" ? Uint8Array.of(1, 0, 0) : Uint8Array.of(1, 1, 1);
  const { atMost, after } = await ageCutoffs(filter.ageMin, filter.ageMax);
  // A CVE: any of its spellings as the key, or among the related vulnerabilities.
  const spellings = filter.cve ? keySpellings(filter.cve) : [];
  const keyOk = filter.cve ? dict.key.mask((v) => spellings.includes(v!)) : undefined;
  const relatedOk = filter.cve ? dict.related.mask((v) => spellings.includes(v!)) : undefined;
  const packageCode = filter.package === undefined ? -1 : dict.package.find(filter.package);
  if (filter.package !== undefined && packageCode < 0) return consume(none);
  // A resource text: the first resource's matches by its code, else any later resource's.
  const masks = filter.resource === undefined ? undefined : await resourceTextMasks(index, filter.resource);
  const providerOk = dict.provider.mask(oneOf(filter.provider));
  // Not pulled for the days (notPulledSql): an ECR image pulled before the cutoff, or never and idle.
  const ecrCode = dict.resourceType.find(ECR_IMAGE);
  const pulledBefore = filter.notPulledDays === undefined ? undefined : (await ageCutoffs(filter.notPulledDays, undefined)).atMost;
  // Each combination of the one-byte columns tested once; then one lookup per finding.
  // Closed as remediated (the resource still covered and actively scanned) or removed (closureSql).
  const closureOk = filter.closure === "remediated" ? Uint8Array.of(0, 1) : filter.closure === "removed" ? Uint8Array.of(1, 0) : Uint8Array.of(1, 1);
  const comboOk = Uint8Array.from(index.comboParts, ([r, rt, t, sev, ex, fx, idl, kev, st, pv, rem]) =>
    regionOk[r] & resourceTypeOk[rt] & typeOk[t] & severityOk[sev] & exploitOk[ex] & fixOk[fx] & idleOk[idl] & kevOk[kev] & statusOk[st] & providerOk[pv] & closureOk[rem] &
      (pulledBefore === undefined || rt === ecrCode ? 1 : 0));
  // One value of a column (absent from the index: no finding has it).
  const codeOf = (d: Dictionary, value: string | undefined) => (value === undefined ? undefined : d.find(value));
  const amiCode = codeOf(dict.ami, filter.ami), providerAccountCode = codeOf(dict.providerAccount, filter.providerAccount);
  if (amiCode === -1 || providerAccountCode === -1) return consume(none);
  // An image by repository or digest (imageKeys: a bare digest also as sha256:…).
  const keys = filter.image === undefined ? undefined : imageKeys(filter.image);
  const repositoryOk = keys && dict.repository.mask((v) => v !== null && keys.includes(v));
  const imageHashOk = keys && dict.imageHash.mask((v) => v !== null && keys.includes(v));
  // Closed within the dates (a finding never closed is in no such window).
  const closedFrom = filter.closedFrom === undefined ? undefined : lowerEdge(filter.closedFrom);
  const closedTo = filter.closedTo === undefined ? undefined : upperEdge(filter.closedTo);
  const closedBounded = closedFrom !== undefined || closedTo !== undefined;
  // First seen within the age and the dates (withinSql: a day keeps whole UTC days, an instant is exact).
  const firstFrom = filter.firstSeenFrom === undefined ? undefined : lowerEdge(filter.firstSeenFrom);
  const firstTo = filter.firstSeenTo === undefined ? undefined : upperEdge(filter.firstSeenTo);
  const firstBounded = firstFrom !== undefined || firstTo !== undefined;
  // Scores within their bounds (a finding without one passes no bound).
  const scoreMin = filter.scoreMin ?? -Infinity, scoreMax = filter.scoreMax ?? Infinity;
  const epssMin = filter.epssMin ?? -Infinity, epssMax = filter.epssMax ?? Infinity;
  const scoreBounded = filter.scoreMin !== undefined || filter.scoreMax !== undefined, epssBounded = filter.epssMin !== undefined || filter.epssMax !== undefined;
  // Every tag asked: its key (`?`) or its key and string value (`@>`), by the entry's tag set.
  const tagSetOk = filter.tag.length ? tagSetMask(index, filter.tag) : undefined;
  // A CVE's or a package's entries (findings-index-postings.ts), when fewer than the statuses' asked.
  const scanned = index.byStatus.reduce((n, list, code) => (statusOk[code] ? n + list.length : n), 0);
  const narrowing: Int32Array[] = [];
  const codesOf = (ok: Uint8Array) => {
    const codes: number[] = [];
    ok.forEach((v, code) => v && codes.push(code));
    return codes;
  };
  if (keyOk && relatedOk) {
    const keyCodes = codesOf(keyOk), relatedCodes = codesOf(relatedOk);
    if (postingsCount(index, "key", keyCodes) + postingsCount(index, "related", relatedCodes) < scanned) {
      const byKey = postingsOf(index, "key", keyCodes), byRelated = postingsOf(index, "related", relatedCodes);
      const both = new Int32Array(byKey.length + byRelated.length);
      both.set(byKey);
      both.set(byRelated, byKey.length);
      narrowing.push(both);
    }
  }
  if (packageCode >= 0 && postingsCount(index, "package", [packageCode]) < scanned) narrowing.push(postingsOf(index, "package", [packageCode]));
  // The entries those and the dated and digest filters allow (exploit since, events in a window, an alert's digest).
  const allowed = await allowedEntries(index, filter, narrowing);
  // The columns as locals: the loop below runs once per candidate.
  const { account, combo, firstObserved, closedAt, key, score, epss, tagSet, pulledAt, idle, ami, providerAccount, repository, imageHash } = index;
  const { start: packageStart, codes: packageCodes } = index.packages;
  const { start: relatedStart, codes: relatedCodes } = index.related;
  const candidates = allowed ?? candidatesOf(index, comboOk, accountOk, atMost, after);
  if (!allowed && narrowsOnlyBy(filter, decidedByCandidates)) return consume(candidates);
  // Then each condition asked, in its own tight loop keeping the entries that pass it in place (a
  // loop testing every condition on every candidate took as long as the candidates' pass), the
  // commonest first; the candidates' pass already tested the combinations, the accounts and the age.
  const kept = candidates;
  let n = kept.length;
  if (allowed) {
    n = keepCoded(kept, n, combo, comboOk);
    n = keepCoded(kept, n, account, accountOk);
    n = keepAfter(kept, n, firstObserved, after, atMost);
  }
  if (scoreBounded) n = keepBetween(kept, n, score, scoreMin, scoreMax);
  if (epssBounded) n = keepBetween(kept, n, epss, epssMin, epssMax);
  if (tagSetOk) n = keepCoded(kept, n, tagSet, tagSetOk);
  if (masks) n = keepResources(kept, n, index, masks);
  const rest = firstBounded || closedBounded || pulledBefore !== undefined || amiCode !== undefined || providerAccountCode !== undefined || keys || keyOk || packageCode >= 0;
  if (!rest) return consume(kept.subarray(0, n));
  let m = 0;
  entries: for (let k = 0; k < n; k++) {
    const i = kept[k];
    if (firstBounded && !within(firstObserved[i], firstFrom, firstTo)) continue;
    if (closedBounded && !within(closedAt[i], closedFrom, closedTo)) continue;
    if (pulledBefore !== undefined && !(pulledAt[i] < pulledBefore || (Number.isNaN(pulledAt[i]) && idle[i] === 1))) continue;
    if (amiCode !== undefined && ami[i] !== amiCode) continue;
    if (providerAccountCode !== undefined && providerAccount[i] !== providerAccountCode) continue;
    if (keys && !repositoryOk![repository[i]] && !imageHashOk![imageHash[i]]) continue;
    if (keyOk && !keyOk[key[i]]) {
      let related = false;
      for (let j = relatedStart[i]; j < relatedStart[i + 1] && !related; j++) related = relatedOk![relatedCodes[j]] === 1;
      if (!related) continue;
    }
    if (packageCode >= 0) {
      for (let j = packageStart[i]; j < packageStart[i + 1]; j++) {
        if (packageCodes[j] === packageCode) {
          kept[m++] = i;
          continue entries;
        }
      }
      continue;
    }
    kept[m++] = i;
  }
  return consume(kept.subarray(0, m));
}

/** Keeps, in place, the entries whose code in `column` the mask allows; returns how many. */
function keepCoded(entries: Int32Array, n: number, column: Int32Array | Uint16Array, ok: Uint8Array): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = entries[k];
    if (ok[column[i]] === 1) entries[m++] = i;
  }
  return m;
}

/** Keeps, in place, the entries whose value is within [min, max] (NaN, no value, is within none). */
function keepBetween(entries: Int32Array, n: number, values: Float64Array, min: number, max: number): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = entries[k], v = values[i];
    if (v >= min && v <= max) entries[m++] = i;
  }
  return m;
}

/** Keeps, in place, the entries whose value is within (after, atMost]. */
function keepAfter(entries: Int32Array, n: number, values: Float64Array, after: number, atMost: number): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = entries[k], v = values[i];
    if (v > after && v <= atMost) entries[m++] = i;
  }
  return m;
}

/** Keeps, in place, the entries whose first resource, or a later one, the resource text matches. */
function keepResources(entries: Int32Array, n: number, index: FindingsIndex, masks: { first: Uint8Array; later: Uint8Array }): number {
  const { resource } = index;
  const { start, codes } = index.others;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = entries[k];
    let ok = masks.first[resource[i]] === 1;
    for (let j = start[i]; j < start[i + 1] && !ok; j++) ok = masks.later[codes[j]] === 1;
    if (ok) entries[m++] = i;
  }
  return m;
}

/** The entries of the statuses the combinations allow (comboOk holds the status) that pass the
 *  combinations, the account and the age: a loop with nothing else in it. A scratch array's view:
 *  the caller's until it next awaits. */
function candidatesOf(index: FindingsIndex, comboOk: Uint8Array, accountOk: Uint8Array, atMost: number, after: number): Int32Array {
  const statusAllowed = new Uint8Array(index.dict.status.values.length);
  index.comboParts.forEach((parts, c) => comboOk[c] && (statusAllowed[parts[8]] = 1));
  const lists = index.byStatus.filter((_, code) => statusAllowed[code]);
  const out = scratch("matches.candidates", int32, lists.reduce((sum, list) => sum + list.length, 0), "none");
  const { combo, account, firstObserved } = index;
  let n = 0;
  for (const list of lists) {
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if ((comboOk[combo[i]] & accountOk[account[i]]) === 0) continue;
      const first = firstObserved[i];
      if (first <= atMost && first > after) out[n++] = i;
    }
  }
  return out.subarray(0, n);
}

/** Whether an account passes the owner and OU filters, as findingsWhere's subqueries pick accounts:
 *  an owner as resolvedOwnerSql resolves it (an account the cache has no row for is "Unowned"), an OU
 *  by its name (NO_OU: none or blank; an account with no row has no OU to match). Undefined: neither asked. */
async function accountsNamed(filter: ResolvedFilter): Promise<((account: string) => boolean) | undefined> {
  if (!filter.owner.length && !filter.ou.length) return undefined;
  const rows = await queryRows<{ id: string; owner_ok: boolean; ou_ok: boolean }>(Prisma.sql`SELECT a.id,
      ${ownerInSql(filter.owner)} AS owner_ok, coalesce(${ouInSql(filter.ou)}, FALSE) AS ou_ok
    FROM accounts a`);
  const known = new Map(rows.map((r) => [r.id, r]));
  return (account) => {
    const row = known.get(account);
    const ownerOk = !filter.owner.length || (row ? row.owner_ok : filter.owner.includes(UNOWNED));
    const ouOk = !filter.ou.length || (row?.ou_ok ?? false);
    return ownerOk && ouOk;
  };
}

/** The entries in every one of `narrowing` (entry lists) that pass every dated and digest filter asked
 *  (withinSql, eventInSql, the alert's subjects), ascending, or undefined when there is nothing to pass. */
async function allowedEntries(index: FindingsIndex, filter: ResolvedFilter, narrowing: Int32Array[]): Promise<Int32Array | undefined> {
  // Each filter's entries, as many times as they pass it (an entry with two events in the window twice).
  const sets: ArrayLike<number>[] = [...narrowing];
  const dated = (entries: DatedEntries, from: string | undefined, to: string | undefined) => {
    if (from === undefined && to === undefined) return;
    const lo = from === undefined ? undefined : lowerEdge(from), hi = to === undefined ? undefined : upperEdge(to);
    const set: number[] = [];
    for (let k = 0; k < entries.entry.length; k++) if (within(entries.at[k], lo, hi)) set.push(entries.entry[k]);
    sets.push(set);
  };
  dated(index.exploitSince, filter.exploitableFrom, undefined);
  dated(index.reopened, filter.reopenedFrom, filter.reopenedTo);
  dated(index.becameExploitable, filter.becameExploitableFrom, filter.becameExploitableTo);
  if (filter.alert) {
    // The digest's subjects that are findings (alert_sent by its (rule, run) index), each found by its id.
    const sent = await queryRows<{ id: string }>(Prisma.sql`SELECT f.id::text AS id FROM alert_sent s JOIN findings f ON f.arn = s.subject
      WHERE s.rule_id = ${filter.alert.ruleId}::int AND s.run_id = ${filter.alert.runId}::int`);
    sets.push(sent.map(({ id }) => entryOfId(index.id, Number(id))).filter((i) => i >= 0));
  }
  if (!sets.length) return undefined;
  // Those in every set, once each, ascending: marked set by set, then read from the smallest set.
  const seen = scratch("allowed.seen", uint8, index.size);
  sets.forEach((set, s) => {
    for (let k = 0; k < set.length; k++) if (seen[set[k]] === s) seen[set[k]] = s + 1;
  });
  const smallest = sets.reduce((a, b) => (b.length < a.length ? b : a));
  const out = new Int32Array(smallest.length);
  let n = 0;
  for (let k = 0; k < smallest.length; k++) {
    const i = smallest[k];
    if (seen[i] === sets.length) {
      out[n++] = i;
      seen[i] = 0;
    }
  }
  return out.subarray(0, n).sort();
}

/** A time within a date filter's edges (withinSql); NaN (no time) is within none. */
function within(ms: number, from: { at: Date; inclusive: boolean } | undefined, to: { at: Date; inclusive: boolean } | undefined): boolean {
  if (Number.isNaN(ms)) return false;
  if (from && (from.inclusive ? ms < from.at.getTime() : ms <= from.at.getTime())) return false;
  if (to && (to.inclusive ? ms > to.at.getTime() : ms >= to.at.getTime())) return false;
  return true;
}

/** By tag set: 1 where the set has every tag asked. */
function tagSetMask(index: FindingsIndex, tags: readonly { key: string; value?: string }[]): Uint8Array {
  const wanted = tags.map((t) => index.dict.tag.find(t.value === undefined ? `k\u0001${t.key}` : `v\u0001${t.key}\u0000${t.value}`));
  const sets = index.dict.tagSet.values.length;
  const ok = new Uint8Array(sets);
  if (wanted.includes(-1)) return ok;
  const { start, codes } = index.tagSets;
  for (let s = 0; s < sets; s++) {
    let all = true;
    for (const w of wanted) {
      let has = false;
      for (let j = start[s]; j < start[s + 1] && !has; j++) has = codes[j] === w;
      if (!has) {
        all = false;
        break;
      }
    }
    if (all) ok[s] = 1;
  }
  return ok;
}

/** Where a match falls in the sort's segments, by its severity's code: its segment when it has the
 *  sort's value (or the segment has none to test), and when it has not (-1: the sort leaves it out),
 *  and the column of values. One lookup per match instead of a walk over the segments. */
function segmentsBySeverity(index: FindingsIndex, segments: SortSegment[]) {
  const severities = index.dict.severity.values;
  const valued = new Int32Array(severities.length).fill(-1), unvalued = new Int32Array(severities.length).fill(-1);
  severities.forEach((severity, code) => {
    segments.forEach((seg, s) => {
      if (seg.severity !== undefined && seg.severity !== severity) return;
      if (seg.unvaluedOf) {
        if (unvalued[code] < 0) unvalued[code] = s;
      } else if (valued[code] < 0) {
        valued[code] = s;
        // A segment with nothing to test (no column, or the first sighting every finding has) takes them all.
        if (!seg.column || seg.column === "first_observed_at") unvalued[code] = s;
      }
    });
  });
  // The segments' one column (a sort orders by one).
  const column = segments.find((seg) => seg.column)?.column;
  const values = column === "first_observed_at" ? index.firstObserved : column === "inspector_score" ? index.score : column === "epss_score" ? index.epss : undefined;
  return { valued, unvalued, values };
}

/** A page's matches in the sort's order, as pagePick chose them. */
export interface PagePick { ordered: { segment: number; value: number; i: number }[] }

/** The page searchFindings reads for this filter: the matches after the cursor in the sort's
 *  segments, each ordered by its value and then id, read back by id. */
export async function pageFromFindingsIndex(index: FindingsIndex, matches: Int32Array, filter: ResolvedFilter): Promise<FindingsPage> {
  return readPage(index, pagePick(index, matches, filter), filter);
}

/** The page's matches (the first limit + 1 after the cursor in the sort's order), chosen in one
 *  synchronous pass over the matches. */
export function pagePick(index: FindingsIndex, matches: Int32Array, filter: ResolvedFilter): PagePick {
  const segments = sortSegments(filter.sort, filter.severity);
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const from = cursor?.segment ?? 0;
  const cursorValue = cursor?.value === null || cursor?.value === undefined ? NaN : typeof cursor.value === "string" ? Date.parse(cursor.value) : cursor.value;
  const cursorId = cursor ? Number(cursor.id) : NaN;
  // Before b in the sort: an earlier segment, then the segment's order of values, then the lower id.
  type Place = { segment: number; value: number; i: number };
  const before = (aSegment: number, aValue: number, aI: number, b: Place) => {
    if (aSegment !== b.segment) return aSegment < b.segment;
    const seg = segments[aSegment];
    if (seg.column && aValue !== b.value) return seg.direction === "DESC" ? aValue > b.value : aValue < b.value;
    return index.id[aI] < index.id[b.i];
  };
  const want = filter.limit + 1;
  // The first `want` matches in the sort's order: a max-heap of the best seen, its worst on top.
  const heap: Place[] = [];
  const worse = (a: Place, b: Place) => before(b.segment, b.value, b.i, a);
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
  const { valued, unvalued, values } = segmentsBySeverity(index, segments);
  const { severity } = index;
  for (let m = 0; m < matches.length; m++) {
    const i = matches[m];
    // The match's segment and value (the valued segment's order; an unvalued segment orders by id only).
    const v = values ? values[i] : NaN;
    const hasValue = v === v;
    const segment = hasValue ? valued[severity[i]] : unvalued[severity[i]];
    const value = hasValue ? v : 0;
    if (segment < from) continue;
    if (cursor && segment === from) {
      // The keyset (afterCursor): strictly after the cursor's value and id within its segment.
      const seg = segments[from];
      const id = index.id[i];
      if (!seg.column) {
        if (!(id > cursorId)) continue;
      } else if (!(seg.direction === "DESC" ? value < cursorValue : value > cursorValue) && !(value === cursorValue && id > cursorId)) continue;
    }
    if (heap.length < want) {
      heap.push({ segment, value, i });
      for (let k = heap.length - 1; k > 0; ) {
        const parent = (k - 1) >> 1;
        if (!worse(heap[k], heap[parent])) break;
        [heap[k], heap[parent]] = [heap[parent], heap[k]];
        k = parent;
      }
    } else if (before(segment, value, i, heap[0])) {
      heap[0] = { segment, value, i };
      siftDown(0);
    }
  }
  return { ordered: heap.sort((a, b) => (before(a.segment, a.value, a.i, b) ? -1 : 1)) };
}

/** The picked page's findings, read back by id, and the cursor after it. */
export async function readPage(index: FindingsIndex, { ordered }: PagePick, filter: ResolvedFilter): Promise<FindingsPage> {
  const segments = sortSegments(filter.sort, filter.severity);
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
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
