// Memoises organization-wide aggregates until the cache's data changes: the newest sync run's id,
// end and heartbeat, and cache_data_version, a sequence every statement writing findings, accounts or
// account_regions advances (migrations *_cache_data_version*), so a write outside a run (an operator's fix by hand, a
// test) is seen too. A short TTL bounds what is left: a reader that took the new value before the
// writer committed, and a read replica, where a sequence shows in steps of 32 (PostgreSQL logs it ahead).
import { cache } from "react";
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
  refreshing?: boolean;
}

export interface VersionMemo {
  /** `refresh`: how the answer past its TTL is recomputed behind the old one (default: compute). Each
   *  is given the version it computes for (one read of it a request need not make again). `read`: how
   *  this call reads the version (default: the memo's). */
  get<T>(key: string, compute: (version: string) => Promise<T>, refresh?: (version: string) => Promise<T>, read?: () => Promise<string>): Promise<T>;
}

/** One in-flight call shared by every caller that arrives while it runs (a page's loaders and
 *  concurrent requests ask for the version together); a caller arriving later starts a new one. */
export function sharedInFlight<T>(fn: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => (inFlight ??= fn().finally(() => (inFlight = null)));
}

/** A new version computes before answering; past the TTL with the version unchanged, the entry
 *  answers once more while one refresh runs behind it (so no viewer waits on the TTL). */
export function createVersionMemo(version: () => Promise<string>, ttlMs = 120_000, maxEntries = 64, now = () => Date.now()): VersionMemo {
  const entries = new Map<string, Entry>();
  const remember = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    // A failed computation is not remembered.
    entry.value.catch(() => entries.get(key) === entry && entries.delete(key));
  };
  return {
    async get<T>(key: string, compute: (version: string) => Promise<T>, refresh = compute, read = version): Promise<T> {
      const v = await read();
      const hit = entries.get(key);
      if (hit && hit.version === v) {
        if (now() - hit.at >= ttlMs && !hit.refreshing) {
          hit.refreshing = true;
          const value = refresh(v);
          value.then(
            () => entries.get(key) === hit && remember(key, { version: v, at: now(), value }),
            () => (hit.refreshing = false),
          );
        }
        return hit.value as Promise<T>;
      }
      const entry: Entry = { version: v, at: now(), value: compute(v) };
      remember(key, entry);
      return entry.value as Promise<T>;
    },
  };
}

export const sharedVersion = sharedInFlight(syncDataVersion);

/** The version as a page's render reads it: once per request (React's cache: a page's frame, filter
 *  options and answer memos read one version, not one each), and as sharedVersion outside a render
 *  (an API route, the warmer). Each module instance has its own (Next builds this module into the
 *  server components' layer, where React's cache holds per request, and others, where it does not),
 *  while the memos are process-wide: so a memo reads the version through the caller's. A page that
 *  wrote and then read in one request would read the version from before its write; none does (the
 *  server actions write no findings, accounts or regions). */
const requestVersion = cache(sharedVersion);
const readingPerRequest = (memo: VersionMemo): VersionMemo => ({ get: (key, compute, refresh) => memo.get(key, compute, refresh, requestVersion) });

const holder = globalThis as { __inspectorateOverviewMemo?: VersionMemo; __inspectorateExplorerMemo?: VersionMemo; __inspectoratePerAccountMemo?: VersionMemo };
/** The process-wide memo for the overview's aggregates. */
export const overviewMemo = (): VersionMemo => readingPerRequest((holder.__inspectorateOverviewMemo ??= createVersionMemo(sharedVersion)));
/** The process-wide memo for the explorer's answers (a page of 50 or a page of groups, each a few
 *  tens of KB): the last 256 filters asked for. */
export const explorerMemo = (): VersionMemo => readingPerRequest((holder.__inspectorateExplorerMemo ??= createVersionMemo(sharedVersion, 120_000, 256)));
/** The process-wide memo for the accounts and coverage pages' per-account tables (a row per account
 *  in scope, a few hundred KB at 1,000 accounts): the last 64 scopes asked for. */
export const perAccountMemo = (): VersionMemo => readingPerRequest((holder.__inspectoratePerAccountMemo ??= createVersionMemo(sharedVersion, 120_000, 64)));
