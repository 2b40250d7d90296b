// The users list on /admin/access: each user's effective role and scope under today's mapping.
import type { Actor } from "./actor";
import { effectiveGroupMap } from "./effective-group-map";
import { onlyWithinAdminScope } from "./grant-ceiling";
import { describeScopeRule, grantForGroups } from "./group-map";
import { resolveScope } from "./scope-resolution";
import { listUsers, type UserRow } from "./users";

export interface UserAccess {
  user: UserRow;
  role: string | null;
  scope: string;
  /** Accounts in scope now; null for the whole organization. */
  accounts: number | null;
}

/**
 * The users `actor` may see: for a scoped admin, only those whose every group's role and scope lies
 * within their "roles" scope (grant-ceiling.ts), so no other account's id or count is shown.
 */
export async function listUserAccess(actor: Actor): Promise<UserAccess[]> {
  const map = await effectiveGroupMap();
  const all = (await listUsers()).map((user) => ({ user, grant: grantForGroups(user.groups, map) }));
  const visible = await onlyWithinAdminScope(actor, "roles", all, (u) => u.grant?.grants ?? []);
  return Promise.all(
    visible.map(async ({ user, grant }) => {
      if (!grant) return { user, role: null, scope: "no access", accounts: 0 };
      const scope = await resolveScope(grant.rules);
      // Mixed roles: each scope says which role it comes with (a permission reaches only its groups' accounts).
      const mixed = new Set(grant.grants.map((g) => g.role)).size > 1;
      const scopes = grant.grants.map((g) => (mixed ? `${describeScopeRule(g.scope)} (${g.role})` : describeScopeRule(g.scope)));
      return { user, role: grant.role, scope: scopes.join("; "), accounts: scope.accountIds === "all" ? null : scope.accountIds.length };
    }),
  );
}
