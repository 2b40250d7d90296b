// What each role may do, as data (one table, like dub's rbac/permissions): every route handler and
// server action names the permission it needs; API tokens carry a role and so the same permissions.
import type { Scope } from "@/lib/queries/scope";
import { roles, type Actor, type Role } from "./actor";

export const permissions = [
  "read", // every page, API read and export, within the actor's scope
  "sync", // start a sync ("Sync now", POST /api/sync)
  "exceptions", // create and revoke risk exceptions
  "exceptions.approve", // approve another person's risk exception (four-eyes)
  "freeze", // freeze or correct a weekly review
  "users", // users and sessions
  "roles", // group → role and scope mappings
  "settings", // application settings
  "tokens", // API tokens
  "audit", // the audit trail
  "alerts", // alert channels, rules and the delivery log
] as const;
export type Permission = (typeof permissions)[number];

const analyst: Permission[] = ["read", "sync", "exceptions", "exceptions.approve", "freeze"];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  viewer: ["read"],
  analyst,
  admin: [...analyst, "users", "roles", "settings", "tokens", "audit", "alerts"],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** What a page says where a role lacks a permission, naming the roles that have it (from the table):
 *  "The viewer role cannot start a sync; an analyst or an admin can." */
export function notAllowedText(role: Role, action: string, permission: Permission): string {
  const article = (r: Role) => (/^[aeiou]/.test(r) ? `an ${r}` : `a ${r}`);
  const who = roles.filter((r) => can(r, permission)).map(article).join(" or ");
  return `The ${role} role cannot ${action}; ${who} can.`;
}

/** The accounts an actor reaches with one permission: its groups granting that permission. */
export function scopeFor(actor: Pick<Actor, "scope" | "permissionScopes">, permission: Permission): Scope {
  return actor.permissionScopes?.[permission] ?? actor.scope;
}

/** The actor as it acts under one permission: `scope` narrowed to scopeFor(permission). */
export function actingAs(actor: Actor, permission: Permission): Actor {
  const scope = actor.permissionScopes?.[permission];
  return scope && scope !== actor.scope ? { ...actor, scope } : actor;
}

/** Their scope for `permission` is every account: they see and change everything it covers. */
// (scope.ts's seesWholeOrg, written out: client components import this table, and scope.ts reads the database)
export const wholeOrganization = (actor: Pick<Actor, "scope" | "permissionScopes">, permission: Permission) =>
  scopeFor(actor, permission).accountIds === "all";

/** An admin whose every permission (or the one named) reaches the whole organization: not an admin
 *  of one OU, nor an admin of one OU and a viewer of the rest. */
export const wholeOrganizationAdmin = (actor: Pick<Actor, "role" | "scope" | "permissionScopes">, permission?: Permission) =>
  actor.role === "admin" && (permission ? [permission] : rolePermissions.admin).every((p) => wholeOrganization(actor, p));
