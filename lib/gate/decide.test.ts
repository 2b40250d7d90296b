import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import { policySchema, type PolicyInput } from "./policy-schema";
import type { GateException, GateFinding, Observation } from "./types";

const NOW = new Date("2026-11-30T12:00:00Z");
const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const f = (arn: string, o: Partial<GateFinding> = {}): GateFinding => {
  const vulnerabilityId = o.vulnerabilityId === undefined ? `CVE-2024-${arn}` : o.vulnerabilityId;
  return {
    arn, title: `${arn} title`, severity: "HIGH", status: "ACTIVE", type: "PACKAGE_VULNERABILITY", inspectorScore: 7.5, cvss: 7.5,
    epss: 0.01, exploitAvailable: false, fixAvailable: "YES", vulnerabilityId, findingKey: vulnerabilityId ?? `code:${arn}`, relatedVulnerabilities: [],
    packageNames: ["openssl"], resourceId: "img-1", resourceIds: ["img-1"], firstObservedAt: day(3), ...o,
  };
};
const crit = f("1", { severity: "CRITICAL", inspectorScore: 9.8, exploitAvailable: true, epss: 0.9, vulnerabilityId: "CVE-2023-38545", findingKey: "CVE-2023-38545", packageNames: ["curl"] });
const ghsa = f("9", { ...crit, arn: "9", vulnerabilityId: "GHSA-2w8p-mmx4-hcvm", findingKey: "GHSA-2w8p-mmx4-hcvm", relatedVulnerabilities: ["CVE-2023-38545"] });
const E7 = "00000000-0000-4000-8000-000000000007";
const E8 = "00000000-0000-4000-8000-000000000008";

const policy = policySchema.parse({
  name: "production", maxCacheAgeHours: 24,
  rules: [
    { id: "no-exploitable-critical", when: { severities: ["CRITICAL"], exploitAvailable: true, fixAvailable: ["YES", "PARTIAL"] } },
    { id: "high-epss", when: { minEpss: 0.5 } },
    { id: "few-old-highs", when: { severities: ["HIGH"], minAgeDays: 30 }, maxFindings: 1 },
    { id: "banned-packages", when: { packages: ["log4j-core"] } },
  ],
  overrides: [
    { name: "sandbox", scope: { ouNames: ["Sandbox"] }, disableRules: ["high-epss", "few-old-highs"], maxCacheAgeHours: 168 },
    { name: "payments", scope: { accountIds: ["111122223333"] }, rules: [{ id: "no-criticals", when: { severities: ["CRITICAL"] } }] },
  ],
} satisfies PolicyInput);

const obs = (findings: GateFinding[], o: Partial<Observation> = {}): Observation => ({
  source: "cache", asOf: day(0.1), scan: { state: "complete", lastScannedAt: day(1) }, findings, accountId: "999988887777", ouName: "Production", ...o,
});
const ex = (o: Partial<GateException>): GateException => ({
  id: E7, findingArn: null, vulnerabilityId: null, aliases: [], resourceIds: [], owner: "payments", reason: "compensating WAF rule",
  createdAt: day(5), expiresAt: day(-10), revokedAt: null, ...o,
});

const cases: { name: string; o: Observation; ex?: GateException[]; verdict: string; failing?: string[]; rules?: string[]; excepted?: string[]; undecidable?: string[] }[] = [
  { name: "no findings passes", o: obs([]), verdict: "pass" },
  { name: "critical exploitable fixable fails", o: obs([crit]), verdict: "fail", failing: ["1"], rules: ["no-exploitable-critical", "high-epss"] },
  { name: "critical without a fix passes the fixable rule", o: obs([{ ...crit, fixAvailable: "NO", epss: 0.1 }]), verdict: "pass" },
  { name: "suppressed and closed findings are not judged", o: obs([{ ...crit, status: "SUPPRESSED" }, { ...crit, arn: "2", status: "CLOSED" }]), verdict: "pass" },
  { name: "one old high is tolerated, two are not", o: obs([f("3", { firstObservedAt: day(40) })]), verdict: "pass" },
  { name: "two old highs fail", o: obs([f("3", { firstObservedAt: day(40) }), f("4", { firstObservedAt: day(31) })]), verdict: "fail", failing: ["3", "4"], rules: ["few-old-highs"] },
  { name: "package list", o: obs([f("5", { packageNames: ["Log4j-Core"], severity: "LOW" })]), verdict: "fail", rules: ["banned-packages"] },
  { name: "missing EPSS does not meet minEpss", o: obs([f("6", { epss: null })]), verdict: "pass" },
  { name: "exception by CVE passes the finding", o: obs([crit]), ex: [ex({ vulnerabilityId: "CVE-2023-38545" })], verdict: "pass", excepted: [E7] },
  { name: "exception by ARN on another resource list", o: obs([crit]), ex: [ex({ id: E8, findingArn: "1" })], verdict: "pass", excepted: [E8] },
  { name: "exception by CVE passes a finding keyed by its GHSA alias", o: obs([ghsa]), ex: [ex({ vulnerabilityId: "CVE-2023-38545" })], verdict: "pass", excepted: [E7] },
  { name: "exception by GHSA (its CVE an alias) passes the CVE finding", o: obs([crit]), ex: [ex({ vulnerabilityId: "GHSA-2w8p-mmx4-hcvm", aliases: ["CVE-2023-38545"] })], verdict: "pass", excepted: [E7] },
  { name: "exception on a secondary resource of the finding passes it", o: obs([{ ...crit, resourceIds: ["img-1", "img-2"] }]), ex: [ex({ vulnerabilityId: "CVE-2023-38545", resourceIds: ["img-2"] })], verdict: "pass", excepted: [E7] },
  { name: "exception for another vulnerability does not pass", o: obs([ghsa]), ex: [ex({ vulnerabilityId: "CVE-2023-99999", aliases: ["GHSA-xxxx-yyyy-zzzz"] })], verdict: "fail" },
  { name: "exception for other resources does not pass", o: obs([crit]), ex: [ex({ vulnerabilityId: "CVE-2023-38545", resourceIds: ["img-2"] })], verdict: "fail" },
  { name: "expired exception does not pass", o: obs([crit]), ex: [ex({ vulnerabilityId: "CVE-2023-38545", expiresAt: day(2) })], verdict: "fail" },
  { name: "revoked exception does not pass", o: obs([crit]), ex: [ex({ vulnerabilityId: "CVE-2023-38545", revokedAt: day(1) })], verdict: "fail" },
  { name: "scan pending is undecidable", o: obs([crit], { scan: { state: "pending", reason: "PENDING_INITIAL_SCAN" } }), verdict: "undecidable", undecidable: ["scan-pending"] },
  { name: "scanning disabled is undecidable", o: obs([], { scan: { state: "disabled", reason: "SCAN_FREQUENCY_MANUAL" } }), verdict: "undecidable", undecidable: ["scanning-disabled"] },
  { name: "never scanned is undecidable", o: obs([], { scan: { state: "unknown", reason: "no coverage" } }), verdict: "undecidable", undecidable: ["not-scanned"] },
  { name: "stale cache is undecidable", o: obs([], { asOf: day(2) }), verdict: "undecidable", undecidable: ["cache-stale"] },
  { name: "never synced is undecidable", o: obs([], { asOf: null }), verdict: "undecidable", undecidable: ["cache-stale"] },
  { name: "a live read is never stale", o: obs([], { source: "inspector", asOf: day(30) }), verdict: "pass" },
  { name: "sandbox override loosens rules and the age limit", o: obs([f("3", { firstObservedAt: day(40), epss: 0.7 }), f("4", { firstObservedAt: day(40) })], { ouName: "sandbox", asOf: day(3) }), verdict: "pass" },
  { name: "payments override adds a stricter rule", o: obs([{ ...crit, exploitAvailable: false, epss: 0.1 }], { accountId: "111122223333" }), verdict: "fail", rules: ["no-criticals"] },
];

describe("decide", () => {
  it.each(cases)("$name", (c) => {
    const d = decide(policy, c.o, c.ex ?? [], NOW);
    expect(d.verdict).toBe(c.verdict);
    if (c.failing) expect(d.failing.map((x) => x.arn)).toEqual(c.failing);
    if (c.rules) expect(d.brokenRules.map((r) => r.id)).toEqual(c.rules);
    if (c.excepted) expect(d.excepted.map((x) => x.exceptionId)).toEqual(c.excepted);
    if (c.undecidable) expect(d.undecidable.map((u) => u.code)).toEqual(c.undecidable);
    if (d.verdict === "fail") expect(d.failing.every((x) => x.rules.length > 0)).toBe(true);
  });

  it("says which rule each failing finding broke", () => {
    const d = decide(policy, obs([crit, f("5", { packageNames: ["log4j-core"] })]), [], NOW);
    expect(d.failing).toEqual([
      expect.objectContaining({ arn: "1", rules: ["no-exploitable-critical", "high-epss"] }),
      expect.objectContaining({ arn: "5", rules: ["banned-packages"] }),
    ]);
  });
});
