// A known user → Actor under today's group mapping: the highest role of their groups, the union of
// every group's scope to read, and for each other permission the union of only the groups that
// grant it (group-map.ts). For a signed-in request, and for what a user's tokens and rules reach.
import { db } from "@/lib/db/client";
import type { Scope } from "@/lib/queries/scope";
import type { Actor } from "./actor";
import { effectiveGroupMap } from "./effective-group-map";
import { grantForGroups, permissionRules, type ScopeRule } from "./group-map";
import type { Permission } from "./permissions";
import { resolveScope } from "./scope-resolution";
import { displayName, type UserRow } from "./users";

type Pool = Pick<import("pg").Pool, "query">;

/** Null when the user's groups map to nothing any more. */
export async function actorForUser(user: UserRow, pool: Pool = db().pool): Promise<Actor | null> {
  const grant = grantForGroups(user.groups, await effectiveGroupMap(undefined, pool));
  if (!grant) return null;
  const actor: Actor = { kind: "user", id: user.id, name: displayName(user), role: grant.role, scope: await resolveScope(grant.rules, pool) };
  const byPermission = permissionRules(grant);
  if (byPermission) actor.permissionScopes = await resolvePermissionScopes(byPermission, [grant.rules, actor.scope], pool);
  return actor;
}

/** Resolves each permission's rules, once per distinct set of rules (at most one per role); `known`: the union's, resolved already. */
async function resolvePermissionScopes(byPermission: Partial<Record<Permission, ScopeRule[]>>, known: [ScopeRule[], Scope], pool: Pool): Promise<Partial<Record<Permission, Scope>>> {
  const resolved = new Map<string, Promise<Scope>>([[JSON.stringify(known[0]), Promise.resolve(known[1])]]);
  const out: Partial<Record<Permission, Scope>> = {};
  for (const [p, rules] of Object.entries(byPermission) as [Permission, ScopeRule[]][]) {
    const key = JSON.stringify(rules);
    if (!resolved.has(key)) resolved.set(key, resolveScope(rules, pool));
    out[p] = await resolved.get(key)!;
  }
  return out;
}
