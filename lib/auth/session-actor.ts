// Session cookie → Actor, for the request guard. Role and scope are derived from the user's
// groups on every request, so an admin's mapping change applies without signing in again: the
// highest role, the union of every group's scope to read, and for each other permission the union
// of only the groups that grant it (group-map.ts).
import { env } from "@/lib/env";
import type { Scope } from "@/lib/queries/scope";
import type { Actor } from "./actor";
import { effectiveGroupMap } from "./effective-group-map";
import { grantForGroups, permissionRules, type ScopeRule } from "./group-map";
import type { Permission } from "./permissions";
import { resolveScope } from "./scope-resolution";
import { readSession } from "./session-store";
import { displayName, getUser } from "./users";

export const sessionPolicy = () => ({ idleMinutes: env().INSPECTORATE_SESSION_IDLE_MINUTES, maxHours: env().INSPECTORATE_SESSION_MAX_HOURS });

/** The signed-in user behind a session cookie, or null (no session, expired, or no role any more). */
export async function actorFromSession(cookieValue: string): Promise<Actor | null> {
  const userId = await readSession(cookieValue, sessionPolicy());
  if (!userId) return null;
  const user = await getUser(userId);
  if (!user) return null;
  const grant = grantForGroups(user.groups, await effectiveGroupMap());
  if (!grant) return null;
  const actor: Actor = { kind: "user", id: user.id, name: displayName(user), role: grant.role, scope: await resolveScope(grant.rules) };
  const byPermission = permissionRules(grant);
  if (byPermission) actor.permissionScopes = await resolvePermissionScopes(byPermission, [grant.rules, actor.scope]);
  return actor;
}

/** Resolves each permission's rules, once per distinct set of rules (at most one per role); `known`: the union's, resolved already. */
async function resolvePermissionScopes(byPermission: Partial<Record<Permission, ScopeRule[]>>, known: [ScopeRule[], Scope]): Promise<Partial<Record<Permission, Scope>>> {
  const resolved = new Map<string, Promise<Scope>>([[JSON.stringify(known[0]), Promise.resolve(known[1])]]);
  const out: Partial<Record<Permission, Scope>> = {};
  for (const [p, rules] of Object.entries(byPermission) as [Permission, ScopeRule[]][]) {
    const key = JSON.stringify(rules);
    if (!resolved.has(key)) resolved.set(key, resolveScope(rules));
    out[p] = await resolved.get(key)!;
  }
  return out;
}
