// The findings' filter columns held in each web worker's memory, one typed array per column, so the
// explorer's counts, groups and pages for the filters it covers (findings-index-answers.ts,
// findings-index-groups.ts) are a pass over arrays (~5-10 ms at 1M findings) instead of a scan of every
// open or closed finding in the database (100-480 ms of one core each, which 50 viewers asking
// different questions queue behind: docs/benchmarks.md, thirty-ninth and fortieth passes).
//
// It answers only for the data version it was read at (syncDataVersion, as the memos), read in one
// snapshot; until then, and while a sync run writes (the version moves with every batch), the SQL
// answers and one build starts behind it. Unless it was read with no write in progress (`settled`),
// past the memos' TTL with the version unchanged it answers while one rebuild runs behind it. A cache
// of more findings than INSPECTORATE_FINDINGS_INDEX_MAX builds none (~120 bytes per finding and worker
// in arrays, ~118 MB at 1M, plus its resource names and tag sets): the SQL answers there.
import { env } from "@/lib/env";
import { log } from "@/lib/ops/logger";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";
import { hasReadReplica, readDb } from "@/lib/db/client";
import { syncStatus } from "@/lib/sync/sync-status";
import { idleImageSql } from "@/lib/queries/in-use-sql";
import { remediatedSql } from "@/lib/queries/remediation-sql";
import { becameExploitableEventSql, statusEventSql } from "@/lib/queries/lifecycle-sql";
import { inOneSnapshot, Prisma, queryOne } from "@/lib/queries/sql";
import { sharedVersion } from "@/lib/queries/posture/sync-version";

/** Open findings beyond which no index is built: INSPECTORATE_FINDINGS_INDEX_MAX, 0 for none. */
const findingsIndexMax = () => env().INSPECTORATE_FINDINGS_INDEX_MAX;
const BATCH = 2_000;
/** The sizes of the combination's parts (region, resource type, type, severity, exploit, fix, idle, KEV, status, provider, remediated). */
const RADIX = [256, 64, 16, 16, 8, 8, 2, 4, 16, 16, 2];
const TTL_MS = 120_000;

/** A column's distinct values, each given a small code (its position). */
export class Dictionary {
  readonly values: (string | null)[] = [];
  private readonly codes = new Map<string | null, number>();
  constructor(private readonly max: number) {}
  code(value: string | null): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      if (c >= this.max) throw new FindingsIndexTooWide();
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
  /** The value's code, or -1 when it has none. */
  find(value: string | null): number {
    return this.codes.get(value) ?? -1;
  }
  /** A lookup by code: 1 where the value is one of `wanted`, or every code when `wanted` is undefined. */
  mask(wanted: ((value: string | null) => boolean) | undefined): Uint8Array {
    const m = new Uint8Array(this.values.length);
    this.values.forEach((v, i) => (m[i] = !wanted || wanted(v) ? 1 : 0));
    return m;
  }
}

/** More distinct values than a column's code holds (e.g. over 65,536 accounts): no index. */
class FindingsIndexTooWide extends Error {}

/** Lists per entry (a finding's packages, its related vulnerabilities): entry i's codes are
 *  codes[start[i] .. start[i + 1]). */
export interface EntryLists {
  start: Uint32Array;
  codes: Int32Array;
}

/** Instants some entries have (none, one or several each), as (entry, ms) pairs in no order: the
 *  few findings with an exploit since a date, or with an event of a kind. */
export interface DatedEntries {
  entry: Int32Array;
  at: Float64Array;
}

export interface FindingsIndex {
  version: string;
  builtAt: number;
  /** Read with no transaction in progress, from the primary: exact for its version, so not read again
   *  until the version moves. Otherwise read again past the TTL, as the memos (sync-version.ts): a
   *  writer that moved the version before the read may have committed after it, and a replica shows
   *  the version's sequence in steps. */
  settled: boolean;
  /** The snapshot it was read in, as pg_current_snapshot() gives it (xmin:xmax:in-progress ids). */
  snapshot: string;
  size: number;
  key: Int32Array;
  account: Uint16Array;
  region: Uint8Array;
  resourceType: Uint8Array;
  type: Uint8Array;
  severity: Uint8Array;
  exploit: Uint8Array;
  fix: Uint8Array;
  /** 1: an ECR image known to run nowhere (idleImageSql). */
  idle: Uint8Array;
  /** Its vulnerability in CISA KEV (vulnerability_intel.in_kev): 1 yes, 2 no, 0 unknown. */
  kev: Uint8Array;
  /** first_observed_at in ms since the epoch (the column keeps ms). */
  firstObserved: Float64Array;
  /** closed_at in ms, NaN for none. */
  closedAt: Float64Array;
  /** image_pulled_at in ms, NaN for none. */
  pulledAt: Float64Array;
  /** Codes of ami_id, ecr_repository, ecr_image_hash and provider_account_id (each null a code too). */
  ami: Int32Array;
  repository: Int32Array;
  imageHash: Int32Array;
  providerAccount: Int32Array;
  /** The entry's combination of the one-byte columns (a filter tests each combination once, then
   *  each entry's by one lookup), and each combination's codes: region, resource type, type,
   *  severity, exploit, fix, idle, KEV, status, provider, and 1 when its resource is still covered and
   *  actively scanned (remediatedSql: a closure is then "remediated", else "removed"). */
  combo: Int32Array;
  comboParts: number[][];
  /** The entry's (key, account) pair, numbered 0 … pairs - 1: a key's distinct accounts are its pairs seen. */
  pair: Int32Array;
  pairs: number;
  /** findings.id, the sorts' tie-breaker; the scores, NaN for none. */
  id: Float64Array;
  score: Float64Array;
  epss: Float64Array;
  packages: EntryLists;
  related: EntryLists;
  /** The entry's first resource (its resource_id's code), and every name the findings give each such
   *  resource (finding_resource_names: `search`, the id and name lower-cased by the database, for each
   *  name's resource code), as the resource filter tests them (resource-match.ts). */
  resource: Int32Array;
  resourceNames: { resource: Int32Array; search: string[] };
  /** The entry's first resource's own name (its code; null: none), for the resource groups' labels. */
  resourceName: Int32Array;
  /** The entry's later resources (finding_other_resources), each coded as otherResource spells it. */
  others: EntryLists;
  /** The entry's resource tags (resource_tags) as a code of its distinct set, and each set's entries
   *  (tagEntries: "k\u0001key" for each key `?` finds, "v\u0001key\u0000value" for each string value `@>` finds). */
  tagSet: Int32Array;
  tagSets: EntryLists;
  /** exploit_since, for the entries that have one (exploitableFrom). */
  exploitSince: DatedEntries;
  /** The entries' events the explorer's windows ask for (eventInSql): reopened (closed → open) and
   *  became exploitable (exploit available → YES), each at its instant. */
  reopened: DatedEntries;
  becameExploitable: DatedEntries;
  /** Each status code's entries, ascending: a filter of some statuses passes only theirs (most ask for
   *  the open findings, ~64 % of a synced 1M cache). */
  byStatus: Int32Array[];
  /** The resource texts asked lately, each with the resources it matches (resource-text-masks.ts). */
  resourceMasks: Map<string, { first: Uint8Array; later: Uint8Array }>;
  dict: {
    key: Dictionary; account: Dictionary; region: Dictionary; resourceType: Dictionary; type: Dictionary;
    severity: Dictionary; exploit: Dictionary; fix: Dictionary; package: Dictionary; related: Dictionary;
    status: Dictionary; provider: Dictionary; ami: Dictionary; repository: Dictionary; imageHash: Dictionary; providerAccount: Dictionary;
    resource: Dictionary; resourceName: Dictionary; other: Dictionary; tagSet: Dictionary; tag: Dictionary;
  };
}

/** A later resource as the index codes it: its id, search text, type and name (text holds no NUL). */
export interface OtherResource { id: string; search: string; type: string; name: string | null }
const otherCode = (o: OtherResource) => [o.id, o.search, o.type, o.name === null ? "N" : `S${o.name}`].join("\0");
export function otherResource(code: string): OtherResource {
  const [id, search, type, name] = code.split("\0");
  return { id, search, type, name: name === "N" ? null : name.slice(1) };
}

interface Row {
  ami_id: string | null; ecr_repository: string | null; ecr_image_hash: string | null; provider: string; provider_account_id: string | null;
  pulled_ms: number | null;
  id: string; status: string; closed_ms: number | null; finding_key: string; resource_id: string; resource_name: string | null; vulnerability_id: string | null; tags: string; account_id: string; region: string; resource_type: string; type: string;
  severity: string; exploit_available: string | null; fix_available: string | null; idle: boolean; first_ms: number;
  inspector_score: number | null; epss_score: number | null; package_names: string[]; related_vulnerabilities: string[];
  remediated: boolean; exploit_since_ms: number | null;
}

type Column = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

/** Typed arrays that double as they fill. */
function growable<T extends Column>(make: (n: number) => T, capacity = 1024) {
  let a = make(Math.max(capacity, 16));
  let n = 0;
  return {
    push(v: number) {
      if (n === a.length) {
        const b = make(a.length * 2);
        b.set(a);
        a = b;
      }
      a[n++] = v;
    },
    get length() {
      return n;
    },
    /** Exactly the values pushed (a copy: the doubled buffer is let go). */
    done: () => (n === a.length ? a : (a.slice(0, n) as T)),
  };
}

/** Per-entry lists as they fill. */
function growableDated(capacity: number) {
  const entry = growable((n) => new Int32Array(n), capacity), at = growable((n) => new Float64Array(n), capacity);
  return {
    push(i: number, ms: number) {
      entry.push(i);
      at.push(ms);
    },
    done: (): DatedEntries => ({ entry: entry.done(), at: at.done() }),
  };
}

function growableLists(capacity: number) {
  const start = growable((n) => new Uint32Array(n), capacity + 1);
  const codes = growable((n) => new Int32Array(n), capacity);
  return {
    push(list: number[]) {
      start.push(codes.length);
      for (const c of list) codes.push(c);
    },
    done(): EntryLists {
      start.push(codes.length);
      return { start: start.done(), codes: codes.done() };
    },
  };
}

/** The index's columns as they fill, each sized for `capacity` entries. */
function columns(capacity: number) {
  const of = <T extends Column>(make: (n: number) => T) => growable(make, capacity);
  return {
    key: of((n) => new Int32Array(n)), account: of((n) => new Uint16Array(n)), region: of((n) => new Uint8Array(n)),
    resourceType: of((n) => new Uint8Array(n)), type: of((n) => new Uint8Array(n)), severity: of((n) => new Uint8Array(n)),
    exploit: of((n) => new Uint8Array(n)), fix: of((n) => new Uint8Array(n)), idle: of((n) => new Uint8Array(n)),
    firstObserved: of((n) => new Float64Array(n)), closedAt: of((n) => new Float64Array(n)), pulledAt: of((n) => new Float64Array(n)),
    ami: of((n) => new Int32Array(n)), repository: of((n) => new Int32Array(n)), imageHash: of((n) => new Int32Array(n)),
    providerAccount: of((n) => new Int32Array(n)), id: of((n) => new Float64Array(n)), score: of((n) => new Float64Array(n)),
    epss: of((n) => new Float64Array(n)), pair: of((n) => new Int32Array(n)), combo: of((n) => new Int32Array(n)),
    resource: of((n) => new Int32Array(n)), resourceName: of((n) => new Int32Array(n)), kev: of((n) => new Uint8Array(n)), tagSet: of((n) => new Int32Array(n)),
  };
}

/** Whether a snapshot (pg_current_snapshot()'s text, xmin:xmax:in-progress ids) read from the
 *  primary had no transaction in progress. Transaction ids are the server's, not the database's: a
 *  write in another database of the same server counts too (the index is then read once more). */
export const settledSnapshot = (snapshot: string, fromReplica: boolean): boolean => !fromReplica && /^\d+:\d+:$/.test(snapshot);

/** Reads the findings at `version`, in one snapshot; undefined when there are more than `max`. */
export async function buildFindingsIndex(version: string, max = findingsIndexMax()): Promise<FindingsIndex | undefined> {
  if (max <= 0) return undefined;
  const wide = 2 ** 31 - 1;
  // The one-byte columns' codes are packed into one number per combination: their sizes keep it exact.
  const dict = {
    key: new Dictionary(wide), account: new Dictionary(2 ** 16), region: new Dictionary(256), resourceType: new Dictionary(64),
    type: new Dictionary(16), severity: new Dictionary(16), exploit: new Dictionary(8), fix: new Dictionary(8), status: new Dictionary(16), provider: new Dictionary(16),
    ami: new Dictionary(wide), repository: new Dictionary(wide), imageHash: new Dictionary(wide), providerAccount: new Dictionary(wide),
    package: new Dictionary(wide), related: new Dictionary(wide), resource: new Dictionary(wide), resourceName: new Dictionary(wide), other: new Dictionary(wide),
    tagSet: new Dictionary(wide), tag: new Dictionary(wide),
  };
  /** Each distinct tag set's entries, as it is first seen. */
  const tagSets = growableLists(1024);
  /** The combinations of the one-byte columns seen, numbered as first read. */
  const combos = new Map<number, number>();
  const comboParts: number[][] = [];
  /** (key, account) pairs, numbered as first read. */
  const pairs = new Map<number, number>();
  let size = 0;
  let settled = false;
  let readIn = "";
  let filled: { cols: ReturnType<typeof columns>; packages: ReturnType<typeof growableLists>; related: ReturnType<typeof growableLists>;
    resourceNames: FindingsIndex["resourceNames"]; others: EntryLists; exploitSince: DatedEntries; events: Pick<FindingsIndex, "reopened" | "becameExploitable"> } | undefined;
  try {
    const read = await inOneSnapshot(async (rows) => {
      // The snapshot's transactions in progress (xmin:xmax:ids). With none, every write that moved the
      // version read before it had committed, so the index holds it; else one may be missing.
      const [{ snapshot }] = await rows<{ snapshot: string }>(Prisma.sql`SELECT pg_current_snapshot()::text AS snapshot`);
      readIn = snapshot;
      settled = settledSnapshot(snapshot, hasReadReplica());
      // What the enrichment knows of KEV, by vulnerability (kevFilterSql: YES in_kev, NO in_kev = false,
      // UNKNOWN neither, which a finding without a vulnerability id is too).
      const kevOf = new Map<string, number>();
      for (const v of await rows<{ vulnerability_id: string; in_kev: boolean }>(Prisma.sql`SELECT vulnerability_id, in_kev FROM vulnerability_intel WHERE in_kev IS NOT NULL`)) {
        kevOf.set(v.vulnerability_id, v.in_kev ? 1 : 2);
      }
      // The findings in this snapshot: the arrays' size from the start, not doubled (and copied) as they
      // fill (the count reads the id index, ~60 ms at 1M).
      const [{ total }] = await rows<{ total: number }>(Prisma.sql`SELECT count(*)::int AS total FROM findings`);
      if (total > max) return undefined;
      const capacity = total + 16;
      const cols = columns(capacity), packages = growableLists(capacity), related = growableLists(capacity), exploitSince = growableDated(1024);
      let after = "-9223372036854775808";
      for (;;) {
        const batch = await rows<Row>(Prisma.sql`SELECT f.id::text AS id, f.status,
            (extract(epoch FROM f.closed_at) * 1000)::float8 AS closed_ms, f.ami_id, f.ecr_repository, f.ecr_image_hash, f.provider, f.provider_account_id,
            (extract(epoch FROM f.image_pulled_at) * 1000)::float8 AS pulled_ms, f.finding_key, f.resource_id, f.resource_name, f.vulnerability_id, f.resource_tags::text AS tags, f.account_id, f.region, f.resource_type, f.type,
            f.severity, f.exploit_available, f.fix_available, ${idleImageSql("f")} IS TRUE AS idle,
            (extract(epoch FROM f.first_observed_at) * 1000)::float8 AS first_ms, f.inspector_score, f.epss_score, f.package_names,
            f.related_vulnerabilities, ${remediatedSql("f")} AS remediated, (extract(epoch FROM f.exploit_since) * 1000)::float8 AS exploit_since_ms
          FROM findings f WHERE f.id > ${after}::int8 ORDER BY f.id LIMIT ${BATCH}`);
        size += batch.length;
        if (size > max) return undefined;
        for (const { status, closed_ms: closedMs, ami_id: ami, ecr_repository: repository, ecr_image_hash: imageHash, provider, provider_account_id: providerAccount,
          pulled_ms: pulledMs, finding_key: findingKey, resource_id: resourceId, resource_name: resourceName, vulnerability_id: vulnerabilityId, tags, account_id: accountId, region, resource_type: resourceType, type, severity, exploit_available: exploit,
          fix_available: fix, idle, first_ms: firstMs, inspector_score: score, epss_score: epss, package_names: packageNames, related_vulnerabilities: relatedIds,
          remediated, exploit_since_ms: exploitSinceMs } of batch) {
          if (exploitSinceMs !== null) exploitSince.push(cols.key.length, exploitSinceMs);
          const key = dict.key.code(findingKey), account = dict.account.code(accountId);
          const pair = key * 65_536 + account;
          let code = pairs.get(pair);
          if (code === undefined) pairs.set(pair, (code = pairs.size));
          cols.key.push(key);
          cols.account.push(account);
          cols.resource.push(dict.resource.code(resourceId));
          cols.resourceName.push(dict.resourceName.code(resourceName));
          const before = dict.tagSet.values.length, tagSet = dict.tagSet.code(tags);
          if (tagSet === before) tagSets.push(tagEntries(tags).map((t) => dict.tag.code(t)));
          cols.tagSet.push(tagSet);
          cols.pair.push(code);
          const parts = [dict.region.code(region), dict.resourceType.code(resourceType), dict.type.code(type), dict.severity.code(severity),
            dict.exploit.code(exploit), dict.fix.code(fix), idle ? 1 : 0, vulnerabilityId === null ? 0 : kevOf.get(vulnerabilityId) ?? 0,
            dict.status.code(status), dict.provider.code(provider), remediated ? 1 : 0];
          // Each code under its dictionary's size: 8 + 6 + 4 + 4 + 3 + 3 + 1 + 2 + 4 + 4 + 1 = 40 bits, exact in a double.
          const packed = parts.reduce((acc, part, k) => acc * RADIX[k] + part, 0);
          let combo = combos.get(packed);
          if (combo === undefined) {
            combos.set(packed, (combo = comboParts.length));
            comboParts.push(parts);
          }
          cols.combo.push(combo);
          cols.region.push(parts[0]);
          cols.resourceType.push(parts[1]);
          cols.type.push(parts[2]);
          cols.severity.push(parts[3]);
          cols.exploit.push(parts[4]);
          cols.fix.push(parts[5]);
          cols.idle.push(parts[6]);
          cols.kev.push(parts[7]);
          cols.closedAt.push(closedMs ?? NaN);
          cols.pulledAt.push(pulledMs ?? NaN);
          cols.ami.push(dict.ami.code(ami));
          cols.repository.push(dict.repository.code(repository));
          cols.imageHash.push(dict.imageHash.code(imageHash));
          cols.providerAccount.push(dict.providerAccount.code(providerAccount));
          cols.firstObserved.push(firstMs);
          cols.score.push(score ?? NaN);
          cols.epss.push(epss ?? NaN);
          packages.push(packageNames.map((p) => dict.package.code(p)));
          related.push(relatedIds.map((v) => dict.related.code(v)));
        }
        for (const { id } of batch) cols.id.push(Number(id));
        if (batch.length < BATCH) break;
        after = batch[batch.length - 1].id;
      }
      const ids = cols.id.done();
      return { cols, packages, related, resourceNames: await readResourceNames(rows, dict.resource), others: await readOthers(rows, ids, dict.other),
        exploitSince: exploitSince.done(), events: await readEvents(rows, ids) };
    });
    filled = read;
  } catch (err) {
    if (err instanceof FindingsIndexTooWide) return undefined;
    throw err;
  }
  if (!filled) return undefined;
  const { cols, packages, related, resourceNames, others, exploitSince, events } = filled;
  const done = Object.fromEntries(Object.entries(cols).map(([name, c]) => [name, c.done()])) as {
    [K in keyof typeof cols]: ReturnType<(typeof cols)[K]["done"]>;
  };
  return {
    version, builtAt: Date.now(), settled, snapshot: readIn, size, dict, pairs: pairs.size, comboParts, ...done, packages: packages.done(), related: related.done(),
    resourceNames, others, exploitSince, ...events, resourceMasks: new Map(), tagSets: tagSets.done(), byStatus: entriesByStatus(done.combo, comboParts, dict.status.values.length),
  };
}

/** Each status's entries, in the index's order. */
function entriesByStatus(combo: Int32Array, comboParts: number[][], statuses: number): Int32Array[] {
  const statusOf = Int32Array.from(comboParts, (parts) => parts[8]);
  const counts = new Int32Array(statuses);
  for (let i = 0; i < combo.length; i++) counts[statusOf[combo[i]]]++;
  const lists = Array.from(counts, (n) => new Int32Array(n));
  const filled = new Int32Array(statuses);
  for (let i = 0; i < combo.length; i++) {
    const s = statusOf[combo[i]];
    lists[s][filled[s]++] = i;
  }
  return lists;
}

/** A tag set's entries (resource_tags as text): what `resource_tags ? key` finds (an object's keys;
 *  an array's strings; a string itself) and what `@> {key: value}` finds (an object's string values). */
export function tagEntries(text: string): string[] {
  const tags: unknown = JSON.parse(text);
  if (typeof tags === "string") return [`k\u0001${tags}`];
  if (Array.isArray(tags)) return tags.filter((t): t is string => typeof t === "string").map((t) => `k\u0001${t}`);
  if (tags === null || typeof tags !== "object") return [];
  return Object.entries(tags).flatMap(([k, v]) => (typeof v === "string" ? [`k\u0001${k}`, `v\u0001${k}\u0000${v}`] : [`k\u0001${k}`]));
}

type SnapshotRows = <R>(query: Prisma.Sql) => Promise<R[]>;

/** Every name the findings give their first resources (finding_resource_names, read in key order by
 *  batches). */
async function readResourceNames(rows: SnapshotRows, resources: Dictionary): Promise<FindingsIndex["resourceNames"]> {
  const resource = growable((n) => new Int32Array(n), resources.values.length + 16);
  const search: string[] = [];
  let after: [string, string] | undefined;
  for (;;) {
    const batch = await rows<{ resource_id: string; name: string; search: string }>(Prisma.sql`SELECT n.resource_id, n.name, n.search
      FROM finding_resource_names n ${after ? Prisma.sql`WHERE (n.resource_id, n.name) > (${after[0]}, ${after[1]})` : Prisma.empty}
      ORDER BY n.resource_id, n.name LIMIT ${BATCH}`);
    for (const n of batch) {
      const code = resources.find(n.resource_id);
      if (code < 0) continue;
      resource.push(code);
      search.push(n.search);
    }
    if (batch.length < BATCH) return { resource: resource.done(), search };
    const last = batch[batch.length - 1];
    after = [last.resource_id, last.name];
  }
}

/** The findings' later resources as lists per entry (`ids`: the entries' findings.id, ascending),
 *  each resource its id and search text (lowered by the database, as resourceWhere's) joined by a NUL. */
async function readOthers(rows: SnapshotRows, ids: Float64Array, other: Dictionary): Promise<EntryLists> {
  const entry: number[] = [], code: number[] = [];
  let after: [string, number] = ["-9223372036854775808", 0];
  let i = 0;
  for (;;) {
    const batch = await rows<{ id: string; position: number; resource_id: string; search: string; type: string; name: string | null }>(Prisma.sql`SELECT
        f.id::text AS id, o.position, o.resource_id, lower(o.resource_id || chr(10) || coalesce(o.name, '')) AS search, o.type, o.name
      FROM finding_other_resources o JOIN findings f ON f.arn = o.finding_arn
      WHERE (f.id, o.position) > (${after[0]}::int8, ${after[1]}::int)
      ORDER BY f.id, o.position LIMIT ${BATCH}`);
    for (const o of batch) {
      const id = Number(o.id);
      while (i < ids.length && ids[i] < id) i++;
      // Every finding is an entry: one missing would be a finding written after the snapshot, which it cannot see.
      if (ids[i] !== id) continue;
      entry.push(i);
      code.push(other.code(otherCode({ id: o.resource_id, search: o.search, type: o.type, name: o.name })));
    }
    if (batch.length < BATCH) break;
    const last = batch[batch.length - 1];
    after = [last.id, last.position];
  }
  const start = new Uint32Array(ids.length + 1);
  for (const e of entry) start[e + 1]++;
  for (let k = 0; k < ids.length; k++) start[k + 1] += start[k];
  return { start, codes: Int32Array.from(code) };
}

/** The entry of a findings.id (`ids` ascending), or -1. */
export function entryOfId(ids: Float64Array, id: number): number {
  let lo = 0, hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === id) return mid;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The findings' reopened and became-exploitable events (the only kinds the explorer filters on), read
 *  by the events' own key in batches, each finding found by its ARN. */
async function readEvents(rows: SnapshotRows, ids: Float64Array): Promise<Pick<FindingsIndex, "reopened" | "becameExploitable">> {
  const reopened = growableDated(1024), became = growableDated(1024);
  let after = "0";
  for (;;) {
    const batch = await rows<{ id: string; finding: string; at_ms: number; reopened: boolean }>(Prisma.sql`SELECT e.id::text AS id, f.id::text AS finding,
        (extract(epoch FROM e.at) * 1000)::float8 AS at_ms, ${statusEventSql("e", "closed", "open")} AS reopened
      FROM finding_events e JOIN findings f ON f.arn = e.finding_arn
      WHERE e.id > ${after}::int8 AND (${statusEventSql("e", "closed", "open")} OR ${becameExploitableEventSql("e")})
      ORDER BY e.id LIMIT ${BATCH}`);
    for (const e of batch) {
      const i = entryOfId(ids, Number(e.finding));
      if (i >= 0) (e.reopened ? reopened : became).push(i, e.at_ms);
    }
    if (batch.length < BATCH) return { reopened: reopened.done(), becameExploitable: became.done() };
    after = batch[batch.length - 1].id;
  }
}

interface IndexState {
  index?: FindingsIndex;
  building?: Promise<void>;
  /** The version a build last found too big, so it is not read again until the data changes. */
  tooBigAt?: string;
}
const holder = globalThis as { __inspectorateFindingsIndex?: IndexState };
const state = (): IndexState => (holder.__inspectorateFindingsIndex ??= {});

/** Builds the index for the current version unless one is building, a run is writing, or the
 *  findings were too many at this version. Settles when done (never rejects: a failure is logged). */
export function refreshFindingsIndex(): Promise<void> {
  const s = state();
  s.building ??= (async () => {
    try {
      const [version, status] = await Promise.all([sharedVersion(), syncStatus(readDb().pool)]);
      if (status.running || version === s.tooBigAt) return;
      if (s.index?.version === version && (s.index.settled || Date.now() - s.index.builtAt < TTL_MS)) return;
      const started = Date.now();
      const index = await buildFindingsIndex(version);
      if (!index) {
        s.tooBigAt = version;
        log().info({ component: "findings-index" }, `no findings index: more than ${findingsIndexMax()} findings, or more accounts or values than its codes hold; the database answers`);
        return;
      }
      s.index = index;
      log().info({ component: "findings-index", findings: index.size, ms: Date.now() - started }, "findings index built");
    } catch (err) {
      log().warn({ component: "findings-index", kind: internalErrorKind(err) }, "building the findings index failed");
    } finally {
      s.building = undefined;
    }
  })();
  return s.building;
}

/** The index, when it was read at the data's current version (`known`: as the caller just read it);
 *  otherwise none, and a build starts behind the answer (past the TTL the current one still answers
 *  while it rebuilds). */
export async function currentFindingsIndex(known?: string): Promise<FindingsIndex | undefined> {
  const version = known ?? (await sharedVersion());
  const index = state().index;
  if (index?.version === version) {
    if (!index.settled && Date.now() - index.builtAt >= TTL_MS) void refreshFindingsIndex();
    return index;
  }
  void refreshFindingsIndex();
  return undefined;
}

/** Tests: forget the index. */
export function resetFindingsIndex(): void {
  holder.__inspectorateFindingsIndex = {};
}

/** The instants an age in days means, as the database computes them (findings-where.ts): now() less
 *  the days, in the session's time zone, in ms. */
export async function ageCutoffs(ageMin: number | undefined, ageMax: number | undefined): Promise<{ atMost: number; after: number }> {
  if (ageMin === undefined && ageMax === undefined) return { atMost: Infinity, after: -Infinity };
  const row = await queryOne<{ at_most: number | null; after: number | null }>(Prisma.sql`SELECT
    (extract(epoch FROM now() - make_interval(days => ${ageMin ?? 0}::int)) * 1000)::float8 AS at_most,
    (extract(epoch FROM now() - make_interval(days => ${(ageMax ?? 0) + 1}::int)) * 1000)::float8 AS after`);
  return { atMost: ageMin === undefined ? Infinity : row!.at_most!, after: ageMax === undefined ? -Infinity : row!.after! };
}
