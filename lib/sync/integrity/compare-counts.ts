// The integrity check itself: per account, do the cache's ACTIVE counts equal Inspector's in
// every severity cell (critical, high, medium, and the rest = all − those three, as the API has no
// LOW bucket)? The residual is the sum of the cells' differences: 0 means a match. Pure.
import { zeroCounts, type SeverityCounts } from "./account-aggregation";

export interface IntegrityResult {
  match: boolean;
  cache: SeverityCounts;
  api: SeverityCounts;
  residual: number;
  repaired?: boolean;
}

const rest = (c: SeverityCounts) => c.all - c.critical - c.high - c.medium;

export function residual(c: SeverityCounts, a: SeverityCounts): number {
  return Math.abs(c.critical - a.critical) + Math.abs(c.high - a.high) + Math.abs(c.medium - a.medium) + Math.abs(rest(c) - rest(a));
}

export function compareCounts(
  accounts: Iterable<string>,
  cache: Map<string, SeverityCounts>,
  api: Map<string, SeverityCounts>,
): Map<string, IntegrityResult> {
  const ids = new Set([...accounts, ...cache.keys(), ...api.keys()]);
  const out = new Map<string, IntegrityResult>();
  for (const id of [...ids].sort()) {
    const c = cache.get(id) ?? zeroCounts();
    const a = api.get(id) ?? zeroCounts();
    const r = residual(c, a);
    out.set(id, { match: r === 0, cache: c, api: a, residual: r });
  }
  return out;
}
