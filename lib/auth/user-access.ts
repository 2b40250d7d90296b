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
      return { user, role: grant.role, scope: grant.rules.map(describeScopeRule).join("; "), accounts: scope.accountIds === "all" ? null : scope.accountIds.length };
    }),
  );
}
