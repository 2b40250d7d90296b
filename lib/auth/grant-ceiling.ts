// What an admin may hand out: an API token or a group mapping never reaches further than its
// maker, neither in role nor in accounts. An admin of OU Payments cannot mint a token (or map a
// group) with scope "all", which would otherwise be a way out of their own scope.
import type { FieldIssue } from "@/lib/review/exception-input";
import type { Actor, Role } from "./actor";
import { roleRank, type ScopeRule } from "./group-map";
import { rolePermissions, scopeFor } from "./permissions";
import { resolveScope } from "./scope-resolution";

/**
 * The field that reaches beyond the actor, or null. The role may not outrank the actor's; the
 * scope, resolved now, must lie within the actor's scope for every permission the role carries
 * (for a user in groups of several roles that is the narrowest of them). A narrowed actor may not
 * hand out a scope that matches no account yet: accounts joining it later would be outside theirs.
 */
export async function grantBeyondActor(actor: Actor, role: Role, rule: ScopeRule): Promise<FieldIssue | null> {
  if (roleRank[role] > roleRank[actor.role]) return { field: "role", message: `may not exceed your own role (${actor.role})` };
  const bounds = rolePermissions[role].map((p) => scopeFor(actor, p).accountIds).filter((ids): ids is string[] => ids !== "all");
  if (bounds.length === 0) return null;
  const wanted = (await resolveScope([rule])).accountIds;
  const message = "wider than your own scope: it may reach only accounts you can reach with each permission of its role";
  if (wanted === "all") return { field: "scope", message };
  if (wanted.length === 0) return { field: "scope", message: "matches none of your accounts" };
  const inside = bounds.map((ids) => new Set(ids));
  if (wanted.some((id) => inside.some((s) => !s.has(id)))) return { field: "scope", message };
  return null;
}
