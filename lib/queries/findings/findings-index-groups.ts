// The explorer's groups from the findings index (findings-index.ts), as
// groupFindingsOverFindings counts them over the matches (findings-index-answers.ts): by CVE (the finding's
// key), by package (each name in package_names), by resource (the first resource and each later one),
// by AMI or by image (its digest). A null key (no AMI, no image, a NULL package name) is no group.
// Per group: its findings, critical, high and exploitable ones, distinct accounts and best score. The
// page's groups (and every group tied with its last on the counts) then go to the database, which puts
// ties in its collation's order of keys and gives the labels: a CVE group's top finding's title (found
// here, read by id), a resource group's greatest name or else least type (among the names and types
// found here: max and min follow the collation too), none for a package.
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { FindingsGroup } from "./findings-fields";
import type { FindingGroupRow } from "./findings-groups";
import type { FindingsIndex } from "./findings-index";
import { groupingShape, topRank, type GroupingShape } from "./findings-index-group-shapes";
import { float64, int32, scratch, uint8 } from "./scratch-arrays";

/** The groups the index answers. */
export const findingsIndexGroups = new Set<FindingsGroup>(["cve", "package", "resource", "ami", "image"]);

/** A shown group's figures, as the database's grouping gives them. */
interface GroupFigures {
  key: number; count: number; critical: number; high: number; exploitable: number; accounts: number;
  /** Its best score, null for none; its top finding's entry (CVE groups), else -1. */
  best: number | null; top: number;
}

/** The groups over the matches: the page's (and every group tied with its last), ranked, and how many
 *  groups there are. Each match adds one to its key's bin of its (critical, high, exploitable) flags,
 *  its pair's first sighting to the key's accounts, its score to the key's best and, for the CVE
 *  groups, its place in the top finding's order: no branch on a column's value. In one synchronous
 *  stretch: the tallies are scratch arrays (scratch-arrays.ts). */
function shownGroups(index: FindingsIndex, matches: Int32Array, shape: GroupingShape, withTop: boolean, limit: number): { shown: GroupFigures[]; total: number } {
  const keys = shape.keyCount;
  const criticalCode = index.dict.severity.find("CRITICAL"), highCode = index.dict.severity.find("HIGH");
  const yesCode = index.dict.exploit.find("YES");
  // Each combination's flags: 1 critical, 2 high, 4 exploitable.
  const flags = Uint8Array.from(index.comboParts, (parts) => (parts[3] === criticalCode ? 1 : parts[3] === highCode ? 2 : 0) | (parts[4] === yesCode ? 4 : 0));
  const bins = scratch("groups.bins", int32, keys * 8), accounts = scratch("groups.accounts", int32, keys);
  const best = scratch("groups.best", float64, keys, -Infinity), seen = scratch("groups.seen", uint8, shape.pairs);
  const rank = withTop ? topRank(index) : undefined;
  const topPlace = scratch("groups.topPlace", int32, withTop ? keys : 0, 2 ** 31 - 1), top = scratch("groups.top", int32, withTop ? keys : 0, -1);
  const { combo, score } = index;
  if (shape.first) {
    const { keys: keyOf, pairs } = shape.first;
    for (let m = 0; m < matches.length; m++) {
      const i = matches[m], k = keyOf[i], p = pairs[i], s = score[i];
      bins[(k << 3) | flags[combo[i]]]++;
      if (s > best[k]) best[k] = s;
      accounts[k] += 1 - seen[p];
      seen[p] = 1;
      if (rank && rank[i] < topPlace[k]) {
        topPlace[k] = rank[i];
        top[k] = i;
      }
    }
  }
  if (shape.lists) {
    const { start, keys: keyOf, pairs } = shape.lists;
    for (let m = 0; m < matches.length; m++) {
      const i = matches[m], f = flags[combo[i]], s = score[i];
      for (let j = start[i]; j < start[i + 1]; j++) {
        const k = keyOf[j], p = pairs[j];
        bins[(k << 3) | f]++;
        if (s > best[k]) best[k] = s;
        accounts[k] += 1 - seen[p];
        seen[p] = 1;
      }
    }
  }
  // The keys present (a null key is no group: the database's `key IS NOT NULL`), with their counts.
  const count = scratch("groups.count", int32, keys), critical = scratch("groups.critical", int32, keys), high = scratch("groups.high", int32, keys);
  const present = scratch("groups.present", int32, keys, "none");
  let total = 0;
  for (let k = 0; k < keys; k++) {
    let c = 0, cr = 0, hi = 0;
    for (let f = 0; f < 8; f++) {
      const n = bins[(k << 3) | f];
      c += n;
      if (f & 1) cr += n;
      if (f & 2) hi += n;
    }
    if (c === 0 || k === shape.nullKey) continue;
    count[k] = c;
    critical[k] = cr;
    high[k] = hi;
    present[total++] = k;
  }
  const shown = rankedKeys(present.subarray(0, total), limit, (a, b) => critical[b] - critical[a] || high[b] - high[a] || count[b] - count[a]);
  return {
    total,
    shown: shown.map((k) => {
      let exploitable = 0;
      for (let f = 4; f < 8; f++) exploitable += bins[(k << 3) | f];
      return { key: k, count: count[k], critical: critical[k], high: high[k], exploitable, accounts: accounts[k], best: best[k] === -Infinity ? null : best[k], top: withTop ? top[k] : -1 };
    }),
  };
}

/** The keys ranked first, the page's and every one tied with its last: those ranked at or above the
 *  page's last, found without sorting every key (~100k resources at 1M) when there are many. */
function rankedKeys(present: Int32Array, limit: number, rank: (a: number, b: number) => number): number[] {
  if (!present.length || limit <= 0) return [];
  let last: number;
  if (present.length <= 4 * limit) {
    const sorted = Array.from(present).sort(rank);
    last = sorted[Math.min(limit, sorted.length) - 1];
  } else {
    // The `limit` best in a heap whose root is the worst of them.
    const heap: number[] = [];
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let w = i;
        if (l < heap.length && rank(heap[l], heap[w]) > 0) w = l;
        if (r < heap.length && rank(heap[r], heap[w]) > 0) w = r;
        if (w === i) return;
        [heap[i], heap[w]] = [heap[w], heap[i]];
        i = w;
      }
    };
    for (const k of present) {
      if (heap.length < limit) {
        heap.push(k);
        for (let i = heap.length - 1; i > 0 && rank(heap[i], heap[(i - 1) >> 1]) > 0; i = (i - 1) >> 1) [heap[i], heap[(i - 1) >> 1]] = [heap[(i - 1) >> 1], heap[i]];
      } else if (rank(k, heap[0]) < 0) {
        heap[0] = k;
        down(0);
      }
    }
    last = heap[0];
  }
  const shown: number[] = [];
  for (const k of present) if (rank(k, last) <= 0) shown.push(k);
  return shown.sort(rank);
}

/** A set of "place\0value" strings as (group's place, value) pairs. */
function placedValues(set: Set<string>) {
  const at: number[] = [], value: string[] = [];
  for (const v of set) {
    const cut = v.indexOf("\0");
    at.push(Number(v.slice(0, cut)));
    value.push(v.slice(cut + 1));
  }
  return { at, value };
}

/** By key: its place among the shown groups, -1 when not shown (a scratch array). */
function shownPlaces(shown: number[], keys: number): Int32Array {
  const at = scratch("groups.shownAt", int32, keys, -1);
  shown.forEach((k, n) => (at[k] = n));
  return at;
}

/** Each shown resource group's names and types, as (group's place, value) pairs. */
function resourceLabels(index: FindingsIndex, matches: Int32Array, shown: number[], shape: GroupingShape) {
  const shownAt = shownPlaces(shown, shape.keyCount);
  const names = new Set<string>(), types = new Set<string>();
  const note = (n: number, name: string | null, type: string | null) => {
    if (name !== null) names.add(`${n}\0${name}`);
    if (type !== null) types.add(`${n}\0${type}`);
  };
  const { resource, resourceName, resourceType } = index;
  const { start, codes } = index.others;
  const { resources: others, keyOf } = shape.others!;
  for (let m = 0; m < matches.length; m++) {
    const i = matches[m];
    const first = shownAt[resource[i]];
    if (first >= 0) note(first, index.dict.resourceName.values[resourceName[i]], index.dict.resourceType.values[resourceType[i]]);
    for (let j = start[i]; j < start[i + 1]; j++) {
      const n = shownAt[keyOf[codes[j]]];
      if (n >= 0) note(n, others[codes[j]].name, others[codes[j]].type);
    }
  }
  return { greatest: placedValues(names), least: placedValues(types) };
}

/** Each shown image group's repositories, as (group's place, value) pairs. */
function imageRepositories(index: FindingsIndex, matches: Int32Array, shown: number[], shape: GroupingShape) {
  const shownAt = shownPlaces(shown, shape.keyCount);
  const repositories = new Set<string>();
  for (let m = 0; m < matches.length; m++) {
    const i = matches[m], n = shownAt[index.imageHash[i]];
    const repository = index.dict.repository.values[index.repository[i]];
    if (n >= 0 && repository !== null) repositories.add(`${n}\0${repository}`);
  }
  return placedValues(repositories);
}

/** A page of groups as groupsPick chose them: their figures, top findings' ids and label candidates. */
export interface GroupsPick {
  figures: GroupFigures[]; total: number; tops: (string | null)[];
  labels: { greatest: { at: number[]; value: string[] }; least: { at: number[]; value: string[] } };
}

/** The groups as groupFindingsOverFindings gives them, for the groups findingsIndexGroups holds. */
export async function groupsFromFindingsIndex(index: FindingsIndex, matches: Int32Array, filter: { group: FindingsGroup; limit: number }) {
  return readGroups(index, groupsPick(index, matches, filter), filter);
}

/** The page's groups over the matches, in one synchronous stretch (their tallies are scratch arrays). */
export function groupsPick(index: FindingsIndex, matches: Int32Array, filter: { group: FindingsGroup; limit: number }): GroupsPick {
  const shape = groupingShape(index, filter.group);
  const { shown: figures, total } = shownGroups(index, matches, shape, filter.group === "cve", filter.limit);
  const shown = figures.map((g) => g.key);
  const tops = figures.map((g) => (g.top >= 0 ? String(index.id[g.top]) : null));
  // A label is the greatest of its candidates, else the least (the database's max and min, in its collation).
  const none = { at: [], value: [] };
  const labels = !figures.length ? { greatest: none, least: none } : filter.group === "resource" ? resourceLabels(index, matches, shown, shape)
    : filter.group === "image" ? { greatest: none, least: imageRepositories(index, matches, shown, shape) } : { greatest: none, least: none };
  return { figures, total, tops, labels };
}

/** The picked groups' rows: ties put in the database's collation, and the labels. */
export async function readGroups(index: FindingsIndex, { figures, total, tops, labels }: GroupsPick, filter: { group: FindingsGroup; limit: number }) {
  if (!figures.length) return { groups: [], totalGroups: 0 };
  const shape = groupingShape(index, filter.group);
  const column = <K extends keyof GroupFigures>(name: K) => figures.map((g) => g[name]);
  const rows = await queryRows<FindingGroupRow>(Prisma.sql`
    WITH n AS (SELECT * FROM unnest(${labels.greatest.at}::int[], ${labels.greatest.value}::text[]) AS n(at, name)),
      t AS (SELECT * FROM unnest(${labels.least.at}::int[], ${labels.least.value}::text[]) AS t(at, type))
    SELECT g.key, coalesce(f.title, (SELECT max(n.name) FROM n WHERE n.at = g.at), (SELECT min(t.type) FROM t WHERE t.at = g.at)) AS label,
      g.count, g.critical, g.high, g.exploitable, g.accounts, g.max_score
    FROM unnest(${figures.map((_g, n) => n)}::int[], ${figures.map((g) => shape.keyValue(g.key))}::text[], ${column("count")}::int[], ${column("critical")}::int[],
      ${column("high")}::int[], ${column("exploitable")}::int[], ${column("accounts")}::int[], ${tops}::int8[],
      ${column("best")}::float8[]) AS g(at, key, count, critical, high, exploitable, accounts, top_id, max_score)
    LEFT JOIN findings f ON f.id = g.top_id
    ORDER BY g.critical DESC, g.high DESC, g.count DESC, g.key ASC LIMIT ${filter.limit}`);
  return { groups: rows, totalGroups: total };
}
