// Identity-provider groups → role and account scope. The same shapes are read from
// INSPECTORATE_OIDC_GROUP_MAP and from the admin-edited access_group_mappings table.
import { z } from "zod";
import { accountIdSchema } from "../domain/account-id";
import { roles, type Role } from "./actor";
import { can, rolePermissions, type Permission } from "./permissions";

const names = z.array(z.string().trim().min(1)).min(1, "needs at least one entry");

/** Which accounts a group sees: all, by OU (id or name), by owner/team, or an explicit list. */
export const scopeRuleSchema = z.union([
  z.literal("all").transform(() => ({ all: true as const })),
  z.object({ all: z.literal(true) }).strict(),
  z.object({ ous: names }).strict(),
  z.object({ owners: names }).strict(),
  z.object({ accounts: z.array(accountIdSchema).min(1) }).strict(),
], { error: 'expected "all", {"all":true}, {"ous":[…]}, {"owners":[…]} or {"accounts":[…]}' });
export type ScopeRule = z.output<typeof scopeRuleSchema>;

export const groupGrantSchema = z.object({ role: z.enum(roles), scope: scopeRuleSchema }).strict();
export type GroupGrant = z.output<typeof groupGrantSchema>;
export type GroupMap = Record<string, GroupGrant>;

/** The env variable's text: a JSON object {"group": {"role": "viewer", "scope": {...}}}. */
export const groupMapJson = z.string().transform((text, ctx): GroupMap => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: "custom", message: 'expected JSON such as {"sec-team":{"role":"admin","scope":"all"}}' });
    return z.NEVER;
  }
  const r = z.record(z.string().min(1), groupGrantSchema).safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  ctx.addIssue({ code: "custom", message: `${issue.path.map(String).join(".") || "value"}: ${issue.message}` });
  return z.NEVER;
});

export const roleRank: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

export interface GroupsGrant {
  /** The highest role of the user's groups: which permissions the user has at all. */
  role: Role;
  /** Every group's scope: what the user may read (every role reads). */
  rules: ScopeRule[];
  /** The groups' grants, for the scope of each permission (permissionRules). */
  grants: GroupGrant[];
}

/**
 * The grant of a user in several groups. The role is the highest of the groups' roles, but each
 * permission reaches only the accounts of the groups that grant it: "analyst for OU Payments" plus
 * "viewer of everything" reads everything and writes (exceptions, freezes, …) in Payments only.
 * `rules` (the union of every group's scope) is therefore the scope of "read"; permissionRules gives
 * the others.
 */
export function grantForGroups(groups: readonly string[], map: GroupMap): GroupsGrant | null {
  const grants = [...new Set(groups)].map((g) => map[g]).filter((g): g is GroupGrant => g !== undefined);
  if (grants.length === 0) return null;
  const role = grants.reduce<Role>((best, g) => (roleRank[g.role] > roleRank[best] ? g.role : best), "viewer");
  return { role, rules: grants.map((g) => g.scope), grants };
}

/**
 * Each permission of the grant's role → the scope rules of only the groups whose role grants it;
 * null when every group has the same role (then every permission has the union's scope).
 */
export function permissionRules(grant: GroupsGrant): Partial<Record<Permission, ScopeRule[]>> | null {
  if (new Set(grant.grants.map((g) => g.role)).size <= 1) return null;
  return Object.fromEntries(
    rolePermissions[grant.role].map((p) => [p, grant.grants.filter((g) => can(g.role, p)).map((g) => g.scope)]),
  );
}

/** One line for tables: "all accounts", "OU Production, Staging", … */
export function describeScopeRule(rule: ScopeRule): string {
  if ("all" in rule) return "whole organization";
  if ("ous" in rule) return `OU ${rule.ous.join(", ")}`;
  if ("owners" in rule) return `owner/team ${rule.owners.join(", ")}`;
  return `accounts ${rule.accounts.join(", ")}`;
}
