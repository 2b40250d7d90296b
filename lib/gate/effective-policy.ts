// The rules in force for one artifact: the policy's rules with every override whose scope holds
// the artifact's account (or its OU) applied in order: replace or add rules, disable rules, and
// tighten (or loosen) the cache-age limit.
import type { Policy, Rule } from "./policy-schema";

export interface EffectivePolicy {
  rules: Rule[];
  maxCacheAgeHours: number;
  appliedOverrides: string[];
}

export function effectivePolicy(p: Policy, where: { accountId: string | null; ouName: string | null }): EffectivePolicy {
  let rules = [...p.rules];
  let maxCacheAgeHours = p.maxCacheAgeHours;
  const applied: string[] = [];
  for (const o of p.overrides) {
    const byAccount = where.accountId !== null && (o.scope.accountIds ?? []).includes(where.accountId);
    const byOu = where.ouName !== null && (o.scope.ouNames ?? []).some((n) => n.toLowerCase() === where.ouName!.toLowerCase());
    if (!byAccount && !byOu) continue;
    applied.push(o.name);
    rules = rules.filter((r) => !o.disableRules.includes(r.id));
    for (const r of o.rules) {
      const i = rules.findIndex((x) => x.id === r.id);
      if (i >= 0) rules[i] = r;
      else rules.push(r);
    }
    if (o.maxCacheAgeHours !== undefined) maxCacheAgeHours = o.maxCacheAgeHours;
  }
  return { rules, maxCacheAgeHours, appliedOverrides: applied };
}
