// What a rule counts: its scope resolved now, within the accounts its maker reaches with "alerts" now
// (a scope by OU or owner grows as accounts join; the maker's shrinks as their groups change). A
// rule whose maker is gone or may no longer manage alerts counts nothing.
import type { Actor } from "@/lib/auth/actor";
import { actorForCreator } from "@/lib/auth/creator-actor";
import { can, scopeFor } from "@/lib/auth/permissions";
import { intersectScopes, resolveScope } from "@/lib/auth/scope-resolution";
import type { StoredRule } from "./rule-config";

export interface RuleReach {
  accounts: string[] | "all";
  /** The maker as they are now: what they may see bounds what the rule says. */
  maker: Actor;
}

/** `pool`: the worker's transaction (or the app's pool, for the alerts page). */
export async function ruleReach(pool: Pick<import("pg").Pool, "query">, rule: Pick<StoredRule, "scope" | "createdBy">): Promise<RuleReach | null> {
  const maker = await actorForCreator(rule.createdBy, pool);
  if (!maker || !can(maker.role, "alerts")) return null;
  const own = await resolveScope([rule.scope], pool);
  return { accounts: intersectScopes(own, scopeFor(maker, "alerts")).accountIds, maker };
}
