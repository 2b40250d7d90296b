// Identity-provider groups → role and account scope. The same shapes are read from
// INSPECTORATE_OIDC_GROUP_MAP and from the admin-edited access_group_mappings table.
import { z } from "zod";
import { roles, type Role } from "./actor";

const names = z.array(z.string().trim().min(1)).min(1, "needs at least one entry");

/** Which accounts a group sees: all, by OU (id or name), by owner/team, or an explicit list. */
export const scopeRuleSchema = z.union([
  z.literal("all").transform(() => ({ all: true as const })),
  z.object({ all: z.literal(true) }).strict(),
  z.object({ ous: names }).strict(),
  z.object({ owners: names }).strict(),
  z.object({ accounts: z.array(z.string().regex(/^\d{12}$/, "expected 12-digit account ids")).min(1) }).strict(),
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

const rank: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** The grant of a user in several groups: the highest role, and the union of their scopes. */
export function grantForGroups(groups: readonly string[], map: GroupMap): { role: Role; rules: ScopeRule[] } | null {
  const grants = [...new Set(groups)].map((g) => map[g]).filter((g): g is GroupGrant => g !== undefined);
  if (grants.length === 0) return null;
  const role = grants.reduce<Role>((best, g) => (rank[g.role] > rank[best] ? g.role : best), "viewer");
  return { role, rules: grants.map((g) => g.scope) };
}

/** One line for tables: "all accounts", "OU Production, Staging", … */
export function describeScopeRule(rule: ScopeRule): string {
  if ("all" in rule) return "whole organization";
  if ("ous" in rule) return `OU ${rule.ous.join(", ")}`;
  if ("owners" in rule) return `owner/team ${rule.owners.join(", ")}`;
  return `accounts ${rule.accounts.join(", ")}`;
}
