// What an admin may hand out: an API token, a group mapping or an alert rule never reaches further
// than its maker, neither in role nor in accounts. An admin of OU Payments cannot mint a token (or
// map a group, or alert on accounts) with scope "all", which would otherwise be a way out of their own scope.
import { db } from "@/lib/db/client";
import type { Scope } from "@/lib/queries/scope";
import type { FieldIssue } from "@/lib/review/exception-input";
import type { Actor, Role } from "./actor";
import { roleRank, type ScopeRule } from "./group-map";
import { rolePermissions, scopeFor, wholeOrganizationAdmin, type Permission } from "./permissions";
import { resolveScope } from "./scope-resolution";

type Pool = Pick<import("pg").Pool, "query">;

/**
 * The field that reaches beyond the actor, or null. The role may not outrank the actor's; the
 * scope, resolved now, must lie within the actor's scope for every permission the role carries
 * (for a user in groups of several roles that is the narrowest of them).
 */
export async function grantBeyondActor(actor: Actor, role: Role, rule: ScopeRule, under?: AdminPermission, pool: Pool = db().pool): Promise<FieldIssue | null> {
  if (roleRank[role] > roleRank[actor.role]) return { field: "role", message: `may not exceed your own role (${actor.role})` };
  // `under`: the admin permission it is made with ("tokens", "roles"): within that scope as well.
  return scopeBeyond([...rolePermissions[role], ...(under ? [under] : [])].map((p) => scopeFor(actor, p)), rule, pool);
}

/** The permissions an admin hands things out with. */
export type AdminPermission = Extract<Permission, "tokens" | "roles" | "alerts">;

/** A token or mapping (role + scope), or an alert rule (scope only). */
type AdminItem = { role?: Role; scope: ScopeRule };

/**
 * May `actor` see and change an existing token or mapping (role + scope), or alert rule (scope only),
 * whoever made it? Only when they could make it now: it lies wholly within their ceiling under
 * `permission`. Whole-organization items are thus a whole-organization admin's alone.
 */
export async function withinAdminScope(actor: Actor, permission: AdminPermission, item: AdminItem, pool: Pool = db().pool): Promise<boolean> {
  const beyond = item.role
    ? await grantBeyondActor(actor, item.role, item.scope, permission, pool)
    : await scopeBeyond([scopeFor(actor, permission)], item.scope, pool);
  return beyond === null;
}

/** The items `actor` may see and change (withinAdminScope), in their order. */
export async function onlyWithinAdminScope<T>(actor: Actor, permission: AdminPermission, items: T[], grant: (item: T) => AdminItem, pool: Pool = db().pool): Promise<T[]> {
  if (wholeOrganizationAdmin(actor, permission)) return items; // every item under it is theirs
  const keep = await Promise.all(items.map((i) => withinAdminScope(actor, permission, grant(i), pool)));
  return items.filter((_, n) => keep[n]);
}

/**
 * The `scope` issue when `rule` reaches an account outside any of `bounds`, or null. It names what
 * reaches out: an account id the maker typed, or the OU or owner value (never the accounts it matched,
 * which the maker may not see). A narrowed maker may not name an OU or owner that matches none of
 * their accounts yet: accounts joining it later would be outside theirs.
 */
export async function scopeBeyond(bounds: Scope[], rule: ScopeRule, pool: Pool = db().pool): Promise<FieldIssue | null> {
  const limits = bounds.map((b) => b.accountIds).filter((ids): ids is string[] => ids !== "all").map((ids) => new Set(ids));
  if (limits.length === 0) return null;
  const outside = (ids: string[]) => ids.some((id) => limits.some((s) => !s.has(id)));
  const wider = (what: string): FieldIssue => ({ field: "scope", message: `wider than your own scope: ${what}` });
  if ("all" in rule) return wider("it is the whole organization");
  if ("accounts" in rule) {
    const id = rule.accounts.find((a) => outside([a]));
    return id ? wider(`account ${id} is outside it`) : null;
  }
  const [label, values, one] = "ous" in rule
    ? ["OU", rule.ous, (v: string): ScopeRule => ({ ous: [v] })] as const
    : ["owner/team", rule.owners, (v: string): ScopeRule => ({ owners: [v] })] as const;
  for (const v of values) {
    const ids = (await resolveScope([one(v)], pool)).accountIds as string[];
    if (ids.length === 0) return { field: "scope", message: `matches none of your accounts: ${label} "${v}" has no account yet` };
    if (outside(ids)) return wider(`${label} "${v}" reaches accounts outside it`);
  }
  return null;
}
