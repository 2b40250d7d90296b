// May this ship? A pure function of the policy, what is known about the artifact (its scan state
// and open findings) and the risk exceptions. Undecidable beats pass or fail: a verdict on an
// unscanned image or a stale cache would be a guess.
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import { exceptionCovers, isExceptionValid } from "@/lib/review/exceptions";
import { effectivePolicy } from "./effective-policy";
import { meetsCondition } from "./finding-facts";
import type { Policy } from "./policy-schema";
import type { Decision, FindingRef, GateException, GateFinding, Observation } from "./types";

const HOUR_MS = 3_600_000;
const ref = (f: GateFinding): FindingRef => ({ arn: f.arn, title: f.title, severity: f.severity, vulnerabilityId: f.vulnerabilityId, packageNames: f.packageNames });

export function decide(policy: Policy, o: Observation, exceptions: GateException[], now: Date): Decision {
  const eff = effectivePolicy(policy, o);
  const base = { failing: [], brokenRules: [], excepted: [], appliedOverrides: eff.appliedOverrides, openFindings: 0 };
  const undecidable = undecidableReasons(o, eff.maxCacheAgeHours, now);
  if (undecidable.length) return { verdict: "undecidable", undecidable, ...base };
  const open = o.findings.filter((f) => f.status === OPEN_STATUS);
  const valid = exceptions.filter((e) => isExceptionValid(e, now));
  const excepted: Decision["excepted"] = [];
  const judged: GateFinding[] = [];
  for (const f of open) {
    const ex = valid.find((e) => exceptionCovers(e, f));
    if (ex) excepted.push({ ...ref(f), exceptionId: ex.id, owner: ex.owner, reason: ex.reason, expiresAt: ex.expiresAt.toISOString() });
    else judged.push(f);
  }
  const brokenBy = new Map<string, string[]>();
  const brokenRules: Decision["brokenRules"] = [];
  for (const rule of eff.rules) {
    const hits = judged.filter((f) => meetsCondition(rule.when, f, now));
    if (hits.length <= rule.maxFindings) continue;
    brokenRules.push({ id: rule.id, description: rule.description, matched: hits.length, maxFindings: rule.maxFindings });
    for (const f of hits) brokenBy.set(f.arn, [...(brokenBy.get(f.arn) ?? []), rule.id]);
  }
  const failing = judged.filter((f) => brokenBy.has(f.arn)).map((f) => ({ ...ref(f), rules: brokenBy.get(f.arn)! }));
  return { verdict: brokenRules.length ? "fail" : "pass", undecidable: [], failing, brokenRules, excepted, appliedOverrides: eff.appliedOverrides, openFindings: open.length };
}

function undecidableReasons(o: Observation, maxAgeHours: number, now: Date): Decision["undecidable"] {
  const out: Decision["undecidable"] = [];
  if (o.scan.state === "unknown") out.push({ code: "not-scanned", message: `Inspector has no scan of this artifact (${o.scan.reason})` });
  if (o.scan.state === "pending") out.push({ code: "scan-pending", message: `the scan is not complete yet (${o.scan.reason})` });
  if (o.scan.state === "disabled") out.push({ code: "scanning-disabled", message: `Inspector does not scan this artifact (${o.scan.reason})` });
  if (o.source === "cache") {
    if (!o.asOf) out.push({ code: "cache-stale", message: "the cache has never synced this artifact's region" });
    else if (now.getTime() - o.asOf.getTime() > maxAgeHours * HOUR_MS) {
      out.push({ code: "cache-stale", message: `the cache was last synced ${o.asOf.toISOString()}, older than the policy's ${maxAgeHours} h limit` });
    }
  }
  return out;
}
