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
import { otherResource, type FindingsIndex, type OtherResource } from "./findings-index";

/** The groups the index answers. */
export const findingsIndexGroups = new Set<FindingsGroup>(["cve", "package", "resource", "ami", "image"]);

interface Tally {
  count: Int32Array; critical: Int32Array; high: Int32Array; exploitable: Int32Array; accounts: Int32Array; best: Float64Array;
}

/** Where each entry's group keys are: one per entry (`first`), and lists per entry (their codes, or
 *  `keyOf` their codes). A key twice for an entry counts twice, as the database's join does. */
interface KeysOf { first?: Int32Array; lists?: { start: Uint32Array; codes: Int32Array; keyOf?: Int32Array } }

/** Counts per group key over the matches. */
function tally(index: FindingsIndex, matches: Int32Array, keys: number, { first, lists }: KeysOf, byPair = false): Tally {
  const t: Tally = {
    count: new Int32Array(keys), critical: new Int32Array(keys), high: new Int32Array(keys), exploitable: new Int32Array(keys),
    accounts: new Int32Array(keys), best: new Float64Array(keys).fill(NaN),
  };
  const criticalCode = index.dict.severity.find("CRITICAL"), highCode = index.dict.severity.find("HIGH");
  const yesCode = index.dict.exploit.find("YES");
  const { severity, exploit, account, score } = index;
  // Distinct accounts: by the index's (key, account) pair codes for CVE groups; else in a bitmap of
  // (key, account) when it is small enough (packages), or each key's first account and a set of the
  // pairs beyond it (a resource has one account).
  const accountCount = index.dict.account.values.length;
  const seenPair = byPair ? new Uint8Array(index.pairs) : undefined;
  const { pair } = index;
  const bitmap = !byPair && keys * accountCount <= 1 << 24 ? new Uint8Array(keys * accountCount) : undefined;
  const firstAccount = new Int32Array(keys).fill(-1);
  const pairs = new Set<number>();
  const add = (k: number, i: number) => {
    t.count[k]++;
    const sev = severity[i], s = score[i], a = account[i];
    if (sev === criticalCode) t.critical[k]++;
    else if (sev === highCode) t.high[k]++;
    if (exploit[i] === yesCode) t.exploitable[k]++;
    if (!(s <= t.best[k]) && !Number.isNaN(s)) t.best[k] = s;
    if (seenPair) {
      if (!seenPair[pair[i]]) {
        seenPair[pair[i]] = 1;
        t.accounts[k]++;
      }
    } else if (bitmap) {
      if (!bitmap[k * accountCount + a]) {
        bitmap[k * accountCount + a] = 1;
        t.accounts[k]++;
      }
    } else if (firstAccount[k] < 0) {
      firstAccount[k] = a;
      t.accounts[k]++;
    } else if (firstAccount[k] !== a && !pairs.has(k * 65_536 + a)) {
      pairs.add(k * 65_536 + a);
      t.accounts[k]++;
    }
  };
  for (let m = 0; m < matches.length; m++) {
    const i = matches[m];
    if (first) add(first[i], i);
    if (lists) {
      const { start, codes, keyOf } = lists;
      for (let j = start[i]; j < start[i + 1]; j++) add(keyOf ? keyOf[codes[j]] : codes[j], i);
    }
  }
  return t;
}

/** The keys present, ranked; the page's and every one tied with its last: those ranked at or above
 *  the page's last, found without sorting every key (~100k resources at 1M) when there are many. */
function shownKeys(t: Tally, limit: number) {
  const present: number[] = [];
  for (let k = 0; k < t.count.length; k++) if (t.count[k] > 0) present.push(k);
  const rank = (a: number, b: number) => t.critical[b] - t.critical[a] || t.high[b] - t.high[a] || t.count[b] - t.count[a];
  if (!present.length || limit <= 0) return { shown: [], total: present.length };
  let last: number;
  if (present.length <= 4 * limit) {
    present.sort(rank);
    last = present[Math.min(limit, present.length) - 1];
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
  const shown = present.filter((k) => rank(k, last) <= 0).sort(rank);
  return { shown, total: present.length };
}

/** Each shown CVE group's top finding, as the key's index orders them (findings-groups.ts's titleOf):
 *  by status (its text's order), then an unscored finding first, else the best score, then the lowest id. */
function topFindings(index: FindingsIndex, matches: Int32Array, shown: number[]): string[] {
  const shownAt = new Int32Array(index.dict.key.values.length).fill(-1);
  shown.forEach((k, n) => (shownAt[k] = n));
  const top = new Int32Array(shown.length).fill(-1);
  const { score, id, key, combo, comboParts } = index;
  // Each status code's place in the statuses' order (upper-case ASCII words: the same in any collation).
  const statuses = index.dict.status.values as string[];
  const sorted = [...statuses].sort();
  const statusRank = statuses.map((v) => sorted.indexOf(v));
  const statusOf = (i: number) => statusRank[comboParts[combo[i]][8]];
  const above = (i: number, t: number) => {
    if (statusOf(i) !== statusOf(t)) return statusOf(i) < statusOf(t);
    const a = score[i], b = score[t];
    if (Number.isNaN(a) !== Number.isNaN(b)) return Number.isNaN(a);
    return a !== b && !Number.isNaN(a) ? a > b : id[i] < id[t];
  };
  for (let m = 0; m < matches.length; m++) {
    const i = matches[m], n = shownAt[key[i]];
    if (n >= 0 && (top[n] < 0 || above(i, top[n]))) top[n] = i;
  }
  return Array.from(top, (i) => String(id[i]));
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

/** Each shown resource group's names and types, as (group's place, value) pairs. */
function resourceLabels(index: FindingsIndex, matches: Int32Array, shown: number[], others: OtherResource[], otherKey: Int32Array) {
  let keys = index.dict.resource.values.length;
  for (const k of otherKey) keys = Math.max(keys, k + 1);
  const shownAt = new Int32Array(keys).fill(-1);
  shown.forEach((k, n) => (shownAt[k] = n));
  const names = new Set<string>(), types = new Set<string>();
  const note = (n: number, name: string | null, type: string | null) => {
    if (name !== null) names.add(`${n}\0${name}`);
    if (type !== null) types.add(`${n}\0${type}`);
  };
  const { resource, resourceName, resourceType } = index;
  const { start, codes } = index.others;
  for (let m = 0; m < matches.length; m++) {
    const i = matches[m];
    const first = shownAt[resource[i]];
    if (first >= 0) note(first, index.dict.resourceName.values[resourceName[i]], index.dict.resourceType.values[resourceType[i]]);
    for (let j = start[i]; j < start[i + 1]; j++) {
      const n = shownAt[otherKey[codes[j]]];
      if (n >= 0) note(n, others[codes[j]].name, others[codes[j]].type);
    }
  }
  return { greatest: placedValues(names), least: placedValues(types) };
}

/** Each shown image group's repositories, as (group's place, value) pairs. */
function imageRepositories(index: FindingsIndex, matches: Int32Array, shown: number[]) {
  const shownAt = new Int32Array(index.dict.imageHash.values.length).fill(-1);
  shown.forEach((k, n) => (shownAt[k] = n));
  const repositories = new Set<string>();
  for (let m = 0; m < matches.length; m++) {
    const i = matches[m], n = shownAt[index.imageHash[i]];
    const repository = index.dict.repository.values[index.repository[i]];
    if (n >= 0 && repository !== null) repositories.add(`${n}\0${repository}`);
  }
  return placedValues(repositories);
}

/** The groups as groupFindingsOverFindings gives them, for the groups findingsIndexGroups holds. */
export async function groupsFromFindingsIndex(index: FindingsIndex, matches: Int32Array, filter: { group: FindingsGroup; limit: number }) {
  const { key, resource } = index;
  // A resource group's key: the first resource's code, or a later one's (its id's) after them.
  const resources = index.dict.resource.values.length;
  const others = filter.group === "resource" ? index.dict.other.values.map((v) => otherResource(v!)) : [];
  const otherIds = new Map<string, number>();
  const otherKey = Int32Array.from(others, (o) => {
    const own = index.dict.resource.find(o.id);
    if (own >= 0) return own;
    let k = otherIds.get(o.id);
    if (k === undefined) otherIds.set(o.id, (k = resources + otherIds.size));
    return k;
  });
  const { dict } = index;
  const keyDict = { cve: dict.key, package: dict.package, resource: dict.resource, ami: dict.ami, image: dict.imageHash }[filter.group];
  const values = keyDict.values;
  const laterIds = [...otherIds.keys()];
  const keyCount = values.length + laterIds.length;
  const keyValue = (k: number) => (k < values.length ? values[k]! : laterIds[k - values.length]);
  const keysOf: Record<FindingsGroup, KeysOf> = {
    cve: { first: key }, package: { lists: index.packages }, resource: { first: resource, lists: { ...index.others, keyOf: otherKey } },
    ami: { first: index.ami }, image: { first: index.imageHash },
  };
  const t = tally(index, matches, keyCount, keysOf[filter.group], filter.group === "cve");
  // A null key is no group (the database's `key IS NOT NULL`).
  const nullKey = keyDict.find(null);
  if (nullKey >= 0) t.count[nullKey] = 0;
  const { shown, total } = shownKeys(t, filter.limit);
  if (!shown.length) return { groups: [], totalGroups: 0 };
  const column = (a: Int32Array) => shown.map((k) => a[k]);
  const tops = filter.group === "cve" ? topFindings(index, matches, shown) : shown.map(() => null);
  // A label is the greatest of its candidates, else the least (the database's max and min, in its collation).
  const none = { at: [], value: [] };
  const labels = filter.group === "resource" ? resourceLabels(index, matches, shown, others, otherKey)
    : filter.group === "image" ? { greatest: none, least: imageRepositories(index, matches, shown) } : { greatest: none, least: none };
  const rows = await queryRows<FindingGroupRow>(Prisma.sql`
    WITH n AS (SELECT * FROM unnest(${labels.greatest.at}::int[], ${labels.greatest.value}::text[]) AS n(at, name)),
      t AS (SELECT * FROM unnest(${labels.least.at}::int[], ${labels.least.value}::text[]) AS t(at, type))
    SELECT g.key, coalesce(f.title, (SELECT max(n.name) FROM n WHERE n.at = g.at), (SELECT min(t.type) FROM t WHERE t.at = g.at)) AS label,
      g.count, g.critical, g.high, g.exploitable, g.accounts, g.max_score
    FROM unnest(${shown.map((_k, n) => n)}::int[], ${shown.map(keyValue)}::text[], ${column(t.count)}::int[], ${column(t.critical)}::int[],
      ${column(t.high)}::int[], ${column(t.exploitable)}::int[], ${column(t.accounts)}::int[], ${tops}::int8[],
      ${shown.map((k) => (Number.isNaN(t.best[k]) ? null : t.best[k]))}::float8[]) AS g(at, key, count, critical, high, exploitable, accounts, top_id, max_score)
    LEFT JOIN findings f ON f.id = g.top_id
    ORDER BY g.critical DESC, g.high DESC, g.count DESC, g.key ASC LIMIT ${filter.limit}`);
  return { groups: rows, totalGroups: total };
}
