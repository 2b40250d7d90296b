// A scoped viewer's CVE groups summed ahead. The key rollups answer a viewer who sees some accounts by
// summing those accounts' rows at each view: a few accounts are a few primary-key reads, but a viewer
// of 2,500 of 5,000 accounts at 10M findings read 1.4M rows (436-480 ms a page). A scope of at least
// SUMMED_AHEAD_MIN_ACCOUNTS accounts is recorded when its viewer opens the groups, and summed once into
// scope_key_rollups after each sync (the views warmer), so its pages read a few thousand rows, as the
// organization's do. A scope's sums carry the generation of the key rollups they were summed from and
// are read only in a snapshot where it is still current (migration *_scope_key_rollups); otherwise the
// page sums the accounts' rows as before. Exact either way.
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { KEY_ROLLUPS, keyRollupsOverAccounts } from "@/lib/queries/key-rollup-cells";

/** Below this many accounts, summing a viewer's rows at each view is fast enough (10 accounts at 10M:
 *  16-23 ms a page). */
export const SUMMED_AHEAD_MIN_ACCOUNTS = 100;
/** A scope nobody opened the groups of for this long is no longer summed. */
const FORGET_AFTER_DAYS = 14;
/** A scope's asking is recorded at most once an hour per process. */
const NOTE_EVERY_MS = 60 * 60_000;

export const scopeHash = (accountIds: readonly string[]): string =>
  crypto.createHash("sha256").update([...new Set(accountIds)].sort().join(",")).digest("hex");

/** The scope's accounts when its groups are worth summing ahead: a list of many, with no account
 *  filter narrowing it further (an account filter reads its few accounts' rows). */
export function summedAheadAccounts(scope: Scope, accountFilter: readonly string[]): string[] | null {
  if (scope.accountIds === "all" || accountFilter.length) return null;
  return scope.accountIds.length >= SUMMED_AHEAD_MIN_ACCOUNTS ? scope.accountIds : null;
}

/** Whether a scope's sums are current, in the snapshot the groups are read in. */
export const sumsCurrentSql = (hash: string): Prisma.Sql => Prisma.sql`
  SELECT 1 FROM scope_key_rollup_sets s JOIN key_rollups_generation g ON g.id = 1 AND s.generation = g.n WHERE s.scope_hash = ${hash}`;

const noted = new Map<string, number>();

/** Records that a viewer of these accounts opened the groups (on the primary: a write). */
export async function noteScopeAsked(accountIds: readonly string[], now = Date.now()): Promise<void> {
  const hash = scopeHash(accountIds);
  if (now - (noted.get(hash) ?? -Infinity) < NOTE_EVERY_MS) return;
  const ids = [...new Set(accountIds)].sort();
  await queryRows(Prisma.sql`
    INSERT INTO scope_key_rollup_sets (scope_hash, account_ids, asked_at) VALUES (${hash}, ${ids}::varchar[], now())
    ON CONFLICT (scope_hash) DO UPDATE SET asked_at = EXCLUDED.asked_at`, "primary");
  noted.set(hash, now);
}

/** Tests: each database starts with no scope recorded, so none is remembered as noted either. */
export const forgetNotedScopes = (): void => noted.clear();

/** Sums one scope's key rollups in one snapshot and records that snapshot's generation. False when
 *  another process was summing the same scope at the same time (it leaves them current). */
export async function sumScope(hash: string): Promise<boolean> {
  try {
    return await withTransaction(db().pool, async (client) => {
      const set = await client.query<{ account_ids: string[] }>("SELECT account_ids FROM scope_key_rollup_sets WHERE scope_hash = $1 FOR UPDATE", [hash]);
      if (!set.rows.length) return false;
      await client.query("DELETE FROM scope_key_rollups WHERE scope_hash = $1", [hash]);
      // The region rollup's columns, summed over the scope's accounts as the rollup check recounts them.
      const { keys, values } = KEY_ROLLUPS.find((r) => r.table === "open_key_region_rollups")!;
      await client.query(`INSERT INTO scope_key_rollups (scope_hash, ${[...keys, ...values].join(", ")})
        SELECT $1, s.* FROM (${keyRollupsOverAccounts("WHERE account_id = ANY($2::varchar[])")}) s WHERE s.findings + s.findings_idle > 0`,
      [hash, set.rows[0].account_ids]);
      await client.query("UPDATE scope_key_rollup_sets SET generation = (SELECT n FROM key_rollups_generation WHERE id = 1), computed_at = now() WHERE scope_hash = $1", [hash]);
      return true;
    }, "BEGIN ISOLATION LEVEL REPEATABLE READ");
  } catch (err) {
    if ((err as { code?: string }).code === "40001") return false; // summed by another process meanwhile
    throw err;
  }
}

/** Drops the scopes nobody opened the groups of lately, with their sums. */
export async function forgetUnaskedScopes(): Promise<void> {
  await queryRows(Prisma.sql`DELETE FROM scope_key_rollup_sets WHERE asked_at < now() - make_interval(days => ${FORGET_AFTER_DAYS})`, "primary");
}

/** Sums each recorded scope whose sums are not current, one at a time (`between` waits before each:
 *  the warmer's quiet moment). Returns how many it summed. */
export async function sumAskedScopes(between: () => Promise<unknown> = async () => {}): Promise<number> {
  const stale = await queryRows<{ scope_hash: string }>(Prisma.sql`
    SELECT s.scope_hash FROM scope_key_rollup_sets s, key_rollups_generation g
    WHERE g.id = 1 AND s.generation IS DISTINCT FROM g.n ORDER BY s.asked_at DESC`, "primary");
  let summed = 0;
  for (const { scope_hash } of stale) {
    await between();
    if (await sumScope(scope_hash)) summed++;
  }
  return summed;
}
