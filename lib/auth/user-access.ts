// The users list on /admin/access: each user's effective role and scope under today's mapping.
import { effectiveGroupMap } from "./effective-group-map";
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

export async function listUserAccess(): Promise<UserAccess[]> {
  const map = await effectiveGroupMap();
  return Promise.all(
    (await listUsers()).map(async (user) => {
      const grant = grantForGroups(user.groups, map);
      if (!grant) return { user, role: null, scope: "no access", accounts: 0 };
      const scope = await resolveScope(grant.rules);
      // Mixed roles: each scope says which role it comes with (a permission reaches only its groups' accounts).
      const mixed = new Set(grant.grants.map((g) => g.role)).size > 1;
      const scopes = grant.grants.map((g) => (mixed ? `${describeScopeRule(g.scope)} (${g.role})` : describeScopeRule(g.scope)));
      return { user, role: grant.role, scope: scopes.join("; "), accounts: scope.accountIds === "all" ? null : scope.accountIds.length };
    }),
  );
}
