// Groups' scope rules → the accounts a person may see: the ONE place an account scope is built
// from OU, owner/team and account lists. Re-read per request, so accounts that join an OU later
// are in scope at once and accounts that leave it drop out.
import { db } from "@/lib/db/client";
import { allScope, type Scope } from "@/lib/queries/scope";
import type { ScopeRule } from "./group-map";

/** `pool`: the database to read (alert rules resolve their scope inside the worker's transaction). */
export async function resolveScope(rules: readonly ScopeRule[], pool: Pick<import("pg").Pool, "query"> = db().pool): Promise<Scope> {
  if (rules.some((r) => "all" in r)) return allScope;
  const ous = rules.flatMap((r) => ("ous" in r ? r.ous : []));
  const owners = rules.flatMap((r) => ("owners" in r ? r.owners : []));
  const accounts = rules.flatMap((r) => ("accounts" in r ? r.accounts : []));
  if (ous.length + owners.length + accounts.length === 0) return { accountIds: [] };
  // An OU matches by id (ou-xxxx) or name; an owner by the owner or the team column.
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM accounts
     WHERE ou_id = ANY($1::text[]) OR ou_name = ANY($1::text[])
        OR owner = ANY($2::text[]) OR team = ANY($2::text[])
        OR id = ANY($3::text[])
     ORDER BY id`,
    [ous, owners, accounts],
  );
  return { accountIds: rows.map((r) => r.id) };
}

/** The accounts both scopes reach: what a token or an alert rule reaches under its maker's scope. */
export function intersectScopes(a: Scope, b: Scope): Scope {
  if (a.accountIds === "all") return b;
  if (b.accountIds === "all") return a;
  const inB = new Set(b.accountIds);
  return { accountIds: a.accountIds.filter((id) => inB.has(id)) };
}
