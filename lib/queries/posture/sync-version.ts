// Memoises organization-wide aggregates until the cache's data changes: the newest sync run's id,
// end and heartbeat, and cache_data_version, a sequence every statement writing findings or accounts
// advances (migration *_cache_data_version), so a write outside a run (an operator's fix by hand, a
// test) is seen too. A short TTL bounds what is left: a reader that took the new value before the
// writer committed, and a read replica, where a sequence shows in steps of 32 (PostgreSQL logs it ahead).
import { Prisma, queryOne } from "@/lib/queries/sql";

export async function syncDataVersion(): Promise<string> {
  const row = await queryOne<{ v: string | null }>(Prisma.sql`
    SELECT coalesce((SELECT id || ':' || coalesce(finished_at::text, '') || ':' || coalesce(progress->>'heartbeatAt', '')
      FROM sync_runs ORDER BY id DESC LIMIT 1), 'none') || '/' || (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM cache_data_version) AS v`);
  return row?.v ?? "none";
}

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
}

export interface VersionMemo {
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createVersionMemo(version: () => Promise<string>, ttlMs = 120_000, maxEntries = 64, now = () => Date.now()): VersionMemo {
  const entries = new Map<string, Entry>();
  return {
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const v = await version();
      const hit = entries.get(key);
      if (hit && hit.version === v && now() - hit.at < ttlMs) return hit.value as Promise<T>;
      const value = compute();
      entries.delete(key);
      entries.set(key, { version: v, at: now(), value });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      // A failed computation is not remembered.
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      return value;
    },
  };
}

const holder = globalThis as { __inspectorateOverviewMemo?: VersionMemo; __inspectorateExplorerMemo?: VersionMemo };
/** The process-wide memo for the overview's aggregates. */
export const overviewMemo = (): VersionMemo => (holder.__inspectorateOverviewMemo ??= createVersionMemo(syncDataVersion));
/** The process-wide memo for the explorer's answers (a page of 50 or a page of groups, each a few
 *  tens of KB): the last 256 filters asked for. */
export const explorerMemo = (): VersionMemo => (holder.__inspectorateExplorerMemo ??= createVersionMemo(syncDataVersion, 120_000, 256));
