// The users list on /admin/access: each user's effective role and scope under today's mapping.
import type { Actor } from "./actor";
import { effectiveGroupMap } from "./effective-group-map";
import { onlyWithinAdminScope } from "./grant-ceiling";
import { wholeOrganizationAdmin } from "./permissions";
import { describeScopeRule, grantForGroups, type GroupMap } from "./group-map";
import { resolveScope } from "./scope-resolution";
import { sessionPolicy } from "./session-actor";
import { liveSessionCounts } from "./session-store";
import { listUsers, type UserGroupFilter, type UserRow } from "./users";

export interface UserAccess {
  user: UserRow;
  role: string | null;
  scope: string;
  /** Accounts in scope now; null for the whole organization. */
  accounts: number | null;
  /** Sessions not yet expired (idle or absolute): what "End sessions" would end. */
  liveSessions: number;
}

/** Decided per group here, applied per user in SQL before the cap: some group within, none beyond. */
async function groupsWithin(actor: Actor, map: GroupMap): Promise<UserGroupFilter> {
  const groups = Object.keys(map);
  const within = new Set(await onlyWithinAdminScope(actor, "roles", groups, (g) => map[g]));
  return { anyOf: [...within], noneOf: groups.filter((g) => !within.has(g)) };
}

/** Which users `actor` may see, as a filter for users.ts (undefined: all of them). */
export async function visibleUsersFilter(actor: Actor, map?: GroupMap): Promise<UserGroupFilter | undefined> {
  return wholeOrganizationAdmin(actor, "roles") ? undefined : groupsWithin(actor, map ?? (await effectiveGroupMap()));
}

/** The users an admin may see (the newest USERS_SHOWN of them), and how many they may see in all. */
export interface UsersList { users: UserAccess[]; total: number }

/**
 * The users `actor` may see: for a scoped admin, only those whose every group's role and scope lies
 * within their "roles" scope (grant-ceiling.ts), so no other account's id or count is shown. Users of
 * no mapped group (no access) lie in no admin's scope: only a whole-organization admin sees them. A
 * scoped admin gives access by mapping groups within their scope, never to a listed person, so they
 * lose nothing by not reading those names and emails.
 */
export async function listUserAccess(actor: Actor, limit?: number): Promise<UsersList> {
  const map = await effectiveGroupMap();
  const { rows, total } = await listUsers(await visibleUsersFilter(actor, map), limit);
  const live = await liveSessionCounts(rows.map((u) => u.id), sessionPolicy());
  const visible = rows.map((user) => ({ user, grant: grantForGroups(user.groups, map) }));
  const users = await Promise.all(
    visible.map(async ({ user, grant }) => {
      const liveSessions = live.get(user.id) ?? 0;
      if (!grant) return { user, role: null, scope: "no access", accounts: 0, liveSessions };
      const scope = await resolveScope(grant.rules);
      // Mixed roles: each scope says which role it comes with (a permission reaches only its groups' accounts).
      const mixed = new Set(grant.grants.map((g) => g.role)).size > 1;
      const scopes = grant.grants.map((g) => (mixed ? `${describeScopeRule(g.scope)} (${g.role})` : describeScopeRule(g.scope)));
      return { user, role: grant.role, scope: scopes.join("; "), accounts: scope.accountIds === "all" ? null : scope.accountIds.length, liveSessions };
    }),
  );
  return { users, total };
}
