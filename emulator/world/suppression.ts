import { compileFindingFilter } from "../inspector/finding-filter";
import type { FilterCriteria } from "../inspector/filter-types";
import { hexFrom } from "../prng";
import { ACTIVE, SUPPRESSED, type Rule, type World } from "./types";

// Suppression rules really suppress: a non-closed finding matching any SUPPRESS rule of its
// region has status SUPPRESSED, and flips back when the rule goes away.

const DAY = 86400;
const S = (value: string, comparison = "EQUALS") => ({ comparison, value });

export function newRule(w: World, region: number, name: string, action: Rule["action"], criteria: FilterCriteria, at: number,
  description: string, reason?: string): Rule {
  const admin = w.accounts[w.adminIndex].id;
  const arn = `arn:aws:inspector2:${w.regions[region]}:${admin}:owner/${admin}/filter/${hexFrom(16, w.seed, 0xf11, region, w.ruleSeq++)}`;
  return { region, arn, name, description, reason, action, criteria, createdAt: at, updatedAt: at };
}

export function initialRules(w: World): Rule[] {
  const sandboxes = w.accounts.filter((a) => a.ou === "Sandbox").slice(0, 10).map((a) => S(a.id));
  const out: Rule[] = [];
  w.regions.forEach((_, r) => {
    const at = (days: number) => w.start - days * DAY - 3600 * (r + 1);
    if (sandboxes.length) {
      out.push(newRule(w, r, "sandbox-low-severity", "SUPPRESS", { awsAccountId: sandboxes, severity: [S("LOW"), S("INFORMATIONAL")] },
        at(70), "Low and informational findings in sandbox accounts are not tracked.", "Sandbox accounts hold no customer data"));
    }
    out.push(newRule(w, r, "accepted-negligible-os-cves", "SUPPRESS", { vulnerabilityId: [S("CVE-2016-2781"), S("CVE-2017-11164")] },
      at(55), "Distribution-rated negligible; accepted by security review.", "Risk accepted in SEC-1042"));
    out.push(newRule(w, r, "public-https-expected", "SUPPRESS", { findingType: [S("NETWORK_REACHABILITY")], portRange: [{ beginInclusive: 443, endInclusive: 443 }] },
      at(40), "Port 443 open to the internet is expected for web tiers."));
    out.push(newRule(w, r, "ephemeral-pr-images", "SUPPRESS", { ecrImageTags: [S("pr-", "PREFIX")] },
      at(20), "Pull-request preview images are short-lived."));
    out.push(newRule(w, r, "critical-in-production", "NONE", { severity: [S("CRITICAL")], resourceTags: [{ comparison: "EQUALS", key: "Environment", value: "production" }] },
      at(80), "Saved view for the weekly review."));
    out.push(newRule(w, r, "log4shell-watch", "NONE", { vulnerabilityId: [S("CVE-2021-44228"), S("CVE-2021-45046")] }, at(84), "Saved view."));
  });
  return out;
}

export function suppressionPredicate(w: World, region: number): (i: number) => boolean {
  const preds = w.rules.filter((r) => r.region === region && r.action === "SUPPRESS").map((r) => compileFindingFilter(w, r.criteria).pred);
  return (i) => preds.some((p) => p(i));
}

/** Re-evaluates every open finding of a region; changed findings get updatedAt = at. */
export function reapplySuppression(w: World, region: number, at: number, initial = false): void {
  const pred = suppressionPredicate(w, region);
  const ruleTime = initial ? ruleTimes(w, region) : undefined;
  const list = w.byRegion[region], st = w.f.status.data, up = w.f.updated.data;
  for (let k = 0; k < list.length; k++) {
    const i = list.data[k];
    const s = st[i];
    if (s !== ACTIVE && s !== SUPPRESSED) continue;
    const want = pred(i) ? SUPPRESSED : ACTIVE;
    if (want === s) continue;
    st[i] = want;
    up[i] = ruleTime ? Math.max(up[i], ruleTime(i)) : at;
  }
}

// At generation a finding was suppressed when the earliest matching rule appeared.
function ruleTimes(w: World, region: number): (i: number) => number {
  const rules = w.rules.filter((r) => r.region === region && r.action === "SUPPRESS").map((r) => ({ at: r.createdAt, p: compileFindingFilter(w, r.criteria).pred }));
  return (i) => Math.min(...rules.filter((r) => r.p(i)).map((r) => r.at));
}
