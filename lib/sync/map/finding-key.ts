// What a finding is about, for every finding type: the key group-by, top risks and exceptions use.
// Package findings: the vulnerability id as Inspector spells it (CVE-…, or GHSA-…/ALAS-… when that
// is all there is). Code: "code:<detectorId or ruleId>:<CWEs sorted, joined by +>". Network:
// "network:<protocol>:<begin>-<end>". The migration that introduced the key computes the same in SQL.
import type { Finding } from "@aws-sdk/client-inspector2";

export function findingKey(f: Finding): string {
  const vulnerability = f.packageVulnerabilityDetails?.vulnerabilityId;
  if (vulnerability) return vulnerability;
  const code = f.codeVulnerabilityDetails;
  const rule = code?.detectorId || code?.ruleId;
  if (code && rule) return `code:${rule}:${[...(code.cwes ?? [])].sort().join("+")}`;
  const net = f.networkReachabilityDetails;
  if (net) return `network:${net.protocol ?? ""}:${net.openPortRange?.begin ?? ""}-${net.openPortRange?.end ?? ""}`;
  return `${f.type ?? "UNKNOWN"}:${f.title ?? ""}`;
}

/** Aliases of the vulnerability (GHSA, ALAS…), case kept, without the id itself or repeats. */
export function relatedVulnerabilities(f: Finding): string[] {
  const own = f.packageVulnerabilityDetails?.vulnerabilityId;
  const list = f.packageVulnerabilityDetails?.relatedVulnerabilities ?? [];
  return [...new Set(list.filter((v) => typeof v === "string" && v && v !== own))];
}
