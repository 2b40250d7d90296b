import { TEMPLATES } from "../catalogue/templates";
import { validationError, invalid } from "../http/errors";
import { findingVisible } from "../world/findings";
import { ACTIVE, type World } from "../world/types";
import { AGG_KEYS, AGG_KINDS, type AggKind, type Group } from "./aggregation-types";
import { compileFindingFilter, FINDING_COMPARISONS } from "./finding-filter";
import { candidates } from "./list-findings";
import { decodeToken, encodeToken, maxResults, oneOf, type Body } from "./params";
import { validateCriteria } from "./validate-criteria";
import type { FilterKind } from "./filter-types";

// ListFindingAggregations over ACTIVE, visible findings: the same predicate machinery as
// ListFindings, so an aggregation's counts always agree with a listing.

const SEV = Uint8Array.from(TEMPLATES, (t) => ({ MEDIUM: 1, HIGH: 2, CRITICAL: 3 } as Record<string, number>)[t.severity] ?? 0);
const FIX = Uint8Array.from(TEMPLATES, (t) => (t.fixAvailable === "YES" ? 1 : 0));
const NET = Uint8Array.from(TEMPLATES, (t) => (t.type === "NETWORK_REACHABILITY" ? 1 : 0));
const caches = new WeakMap<World, Map<string, Group[]>>();

/** Translates the aggregation request's own filters into finding filter criteria. */
function criteriaFor(kind: AggKind, type: string, body: Body): Record<string, unknown[]> {
  const at = "aggregationRequest";
  const req = body.aggregationRequest as Body | undefined;
  const criteria: Record<string, unknown[]> = {};
  if (body.accountIds !== undefined) {
    validateCriteria({ accountIds: body.accountIds }, "", { accountIds: { kind: "string" } }, FINDING_COMPARISONS);
    criteria.awsAccountId = body.accountIds as unknown[];
  }
  if (req === undefined || req === null) return criteria;
  const members = typeof req === "object" ? Object.keys(req) : [];
  if (members.length !== 1 || members[0] !== kind.member) {
    throw validationError([{ name: at, message: `Value at '${at}' failed to satisfy constraint: aggregationRequest must contain exactly the member ${kind.member} for aggregationType ${type}` }]);
  }
  const m = (req as Record<string, Body>)[kind.member] ?? {};
  const lists: Record<string, { kind: FilterKind }> = {};
  for (const [name, f] of Object.entries(kind.filters)) if ("kind" in f) lists[name] = { kind: f.kind };
  const sub = Object.fromEntries(Object.entries(m).filter(([k]) => k in lists));
  validateCriteria(sub, `${at}.${kind.member}`, lists, FINDING_COMPARISONS);
  for (const [name, v] of Object.entries(m)) {
    if (name === "sortBy" || name === "sortOrder" || v === undefined || v === null) continue;
    const f = kind.filters[name];
    if (!f) throw invalid(`${at}.${kind.member}.${name}`, "Unknown member");
    if ("single" in f) {
      oneOf(m, name, f.single);
      criteria[f.key] = [{ comparison: "EQUALS", value: v }];
    } else criteria[f.key] = [...(criteria[f.key] ?? []), ...(v as unknown[])];
  }
  return criteria;
}

function compute(w: World, region: number, kind: AggKind, criteria: Record<string, unknown[]>): Group[] {
  const filter = compileFindingFilter(w, criteria, "aggregationRequest", AGG_KEYS);
  const groups = new Map<string | number, Group>();
  const c = candidates(w, region, filter);
  const st = w.f.status.data, tpl = w.f.tpl.data, ex = w.f.exploit.data;
  for (let k = 0; k < c.length; k++) {
    const i = c[k];
    if (st[i] !== ACTIVE || !findingVisible(w, i) || (kind.applies && !kind.applies(w, i)) || !filter.pred(i)) continue;
    const key = kind.key(w, i);
    if (key === undefined) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { first: i, all: 0, medium: 0, high: 0, critical: 0, exploit: 0, fix: 0, network: 0, members: new Set() }));
    const t = tpl[i], s = SEV[t];
    g.all++;
    if (s === 1) g.medium++; else if (s === 2) g.high++; else if (s === 3) g.critical++;
    g.exploit += ex[i] && TEMPLATES[t].cve ? 1 : 0;
    g.fix += FIX[t];
    g.network += NET[t];
    if (kind.member2) g.members.add(kind.member2(w, i));
  }
  return [...groups.values()];
}

const SORT_VALUE: Record<string, (g: Group) => number> = {
  CRITICAL: (g) => g.critical, HIGH: (g) => g.high, ALL: (g) => g.all, NETWORK_FINDINGS: (g) => g.network,
  AFFECTED_IMAGES: (g) => g.members.size, AFFECTED_INSTANCES: (g) => g.members.size,
};

export function listFindingAggregations(w: World, region: number, body: Body) {
  const type = oneOf(body, "aggregationType", [...Object.keys(AGG_KINDS), "CODE_REPOSITORY"], true)!;
  const max = maxResults(body, 100);
  const offset = Number(decodeToken(body)?.o ?? 0);
  if (type === "CODE_REPOSITORY") return { aggregationType: type, responses: [] };
  const kind = AGG_KINDS[type];
  const criteria = criteriaFor(kind, type, body);
  const m = ((body.aggregationRequest as Record<string, Body> | undefined)?.[kind.member] ?? {}) as Body;
  const sortBy = oneOf(m, "sortBy", kind.sortBy) ?? "CRITICAL";
  const dir = (oneOf(m, "sortOrder", ["ASC", "DESC"] as const) ?? "DESC") === "DESC" ? -1 : 1;
  let cache = caches.get(w);
  if (!cache) caches.set(w, (cache = new Map()));
  const id = `${w.version}|${region}|${type}|${sortBy}|${dir}|${JSON.stringify(criteria)}`;
  let sorted = cache.get(id);
  if (!sorted) {
    const v = SORT_VALUE[sortBy];
    sorted = compute(w, region, kind, criteria).sort((a, b) => dir * (v(a) - v(b)) || dir * (a.high - b.high) || dir * (a.all - b.all) || a.first - b.first);
    if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
    cache.set(id, sorted);
  }
  const page = sorted.slice(offset, offset + max);
  const next = offset + max < sorted.length ? encodeToken({ o: offset + max }) : undefined;
  return { aggregationType: type, responses: page.map((g) => ({ [kind.responseMember]: kind.render(w, g) })), ...(next ? { nextToken: next } : {}) };
}
