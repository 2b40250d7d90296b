// What a grouping of the findings index (findings-index-groups.ts) needs that no question changes,
// read from the index once, on the grouping's first question, and kept as long as that index: each
// entry's group keys, each (key, account) pair's number (a group's distinct accounts are its pairs
// seen) and, for the CVE groups, each entry's place in the top finding's order. A question's tally is
// then a few array reads per match, none of them a string, a Map or a per-question bitmap of keys ×
// accounts (16 MB for the image groups at 1M findings, zeroed for every question).
import type { FindingsGroup } from "./findings-fields";
import { otherResource, type FindingsIndex, type OtherResource } from "./findings-index";

export interface GroupingShape {
  /** Keys are 0 … keyCount - 1; keyValue spells one as the database's group key. */
  keyCount: number;
  keyValue: (k: number) => string;
  /** The null key's number (no group: no AMI, no image, a NULL package name), or -1. */
  nullKey: number;
  /** One key per entry (the CVE, the first resource, the AMI, the image), and its pair's number. */
  first?: { keys: Int32Array; pairs: Int32Array };
  /** Keys listed per entry (packages, later resources): entry i's are keys[start[i] .. start[i + 1]),
   *  each with its pair's number. A key twice for an entry counts twice, as the database's join does. */
  lists?: { start: Uint32Array; keys: Int32Array; pairs: Int32Array };
  /** How many (key, account) pairs there are. */
  pairs: number;
  /** The resource grouping's later resources, as the index codes them, and each one's key. */
  others?: { resources: OtherResource[]; keyOf: Int32Array };
}

const shapes = new WeakMap<FindingsIndex, Map<FindingsGroup, GroupingShape>>();

/** The grouping's shape for this index, read on first use. */
export function groupingShape(index: FindingsIndex, group: FindingsGroup): GroupingShape {
  let byGroup = shapes.get(index);
  if (!byGroup) shapes.set(index, (byGroup = new Map()));
  let shape = byGroup.get(group);
  if (!shape) byGroup.set(group, (shape = readShape(index, group)));
  return shape;
}

function readShape(index: FindingsIndex, group: FindingsGroup): GroupingShape {
  const { dict, account } = index;
  // Pairs numbered as first met; the CVE groups' are the index's own.
  const numbered = new Map<number, number>();
  const pairOf = (k: number, a: number) => {
    const p = k * 65_536 + a;
    let n = numbered.get(p);
    if (n === undefined) numbered.set(p, (n = numbered.size));
    return n;
  };
  const firstOf = (keys: Int32Array) => ({ keys, pairs: Int32Array.from(keys, (k, i) => pairOf(k, account[i])) });
  const listsOf = (lists: { start: Uint32Array; codes: Int32Array }, keyOf?: Int32Array) => {
    const keys = keyOf ? Int32Array.from(lists.codes, (c) => keyOf[c]) : lists.codes;
    const pairs = new Int32Array(keys.length);
    for (let i = 0; i < index.size; i++) for (let j = lists.start[i]; j < lists.start[i + 1]; j++) pairs[j] = pairOf(keys[j], account[i]);
    return { start: lists.start, keys, pairs };
  };
  const plain = (d: { values: (string | null)[]; find: (v: string | null) => number }) => ({
    keyCount: d.values.length, keyValue: (k: number) => d.values[k]!, nullKey: d.find(null),
  });
  switch (group) {
    case "cve":
      return { ...plain(dict.key), first: { keys: index.key, pairs: index.pair }, pairs: index.pairs };
    case "package": {
      const lists = listsOf(index.packages);
      return { ...plain(dict.package), lists, pairs: numbered.size };
    }
    case "ami":
    case "image": {
      const first = firstOf(group === "ami" ? index.ami : index.imageHash);
      return { ...plain(group === "ami" ? dict.ami : dict.imageHash), first, pairs: numbered.size };
    }
    case "resource": {
      // A resource group's key: the first resource's code, or a later one's (its id's) after them.
      const resources = dict.resource.values.length;
      const others = dict.other.values.map((v) => otherResource(v!));
      const laterIds = new Map<string, number>();
      const keyOf = Int32Array.from(others, (o) => {
        const own = dict.resource.find(o.id);
        if (own >= 0) return own;
        let k = laterIds.get(o.id);
        if (k === undefined) laterIds.set(o.id, (k = resources + laterIds.size));
        return k;
      });
      const later = [...laterIds.keys()];
      const first = firstOf(index.resource), lists = listsOf(index.others, keyOf);
      return {
        keyCount: resources + later.length, keyValue: (k) => (k < resources ? dict.resource.values[k]! : later[k - resources]), nullKey: -1,
        first, lists, pairs: numbered.size, others: { resources: others, keyOf },
      };
    }
  }
}

const topRanks = new WeakMap<FindingsIndex, Int32Array>();

/** Each entry's place in the order a CVE group's top finding is chosen by (findings-groups.ts's
 *  titleOf): by status (its text's order: upper-case ASCII words, the same in any collation), then an
 *  unscored finding first, else the best score, then the lowest id (the entries are in id order).
 *  A group's top finding is its match of least place. */
export function topRank(index: FindingsIndex): Int32Array {
  let rank = topRanks.get(index);
  if (!rank) topRanks.set(index, (rank = readTopRank(index)));
  return rank;
}

function readTopRank(index: FindingsIndex): Int32Array {
  const statuses = index.dict.status.values as string[];
  const sorted = [...statuses].sort();
  const statusRank = Int32Array.from(index.comboParts, (parts) => sorted.indexOf(statuses[parts[8]]));
  // The distinct scores, best first: an entry's bucket is (status, unscored first, score's place).
  const scores = [...new Set(index.score)].filter((s) => !Number.isNaN(s)).sort((a, b) => b - a);
  const scorePlace = new Map(scores.map((s, n) => [s, n]));
  const perStatus = scores.length + 1;
  const bucket = new Int32Array(index.size);
  for (let i = 0; i < index.size; i++) {
    const s = index.score[i];
    bucket[i] = statusRank[index.combo[i]] * perStatus + (Number.isNaN(s) ? 0 : 1 + scorePlace.get(s)!);
  }
  // A counting sort by bucket, each bucket in entry (id) order.
  const starts = new Int32Array(statuses.length * perStatus + 1);
  for (let i = 0; i < index.size; i++) starts[bucket[i] + 1]++;
  for (let b = 1; b < starts.length; b++) starts[b] += starts[b - 1];
  const rank = new Int32Array(index.size);
  for (let i = 0; i < index.size; i++) rank[i] = starts[bucket[i]]++;
  return rank;
}
