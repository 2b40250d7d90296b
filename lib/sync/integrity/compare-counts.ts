// The integrity check itself: per account, do the cache's ACTIVE counts equal Inspector's? Pure.
import { zeroCounts, type SeverityCounts } from "./account-aggregation";

export interface IntegrityResult {
  match: boolean;
  cache: SeverityCounts;
  api: SeverityCounts;
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
    const match = c.critical === a.critical && c.high === a.high && c.medium === a.medium && c.all === a.all;
    out.set(id, { match, cache: c, api: a });
  }
  return out;
}
