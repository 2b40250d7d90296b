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

/** Human label for a key: code and network keys spelled out, vulnerability ids as they are. */
export function findingKeyLabel(key: string): string {
  const code = /^code:([^:]*):(.*)$/.exec(key);
  if (code) return `${code[1]}${code[2] ? ` (${code[2].split("+").join(", ")})` : ""}`;
  const net = /^network:([^:]*):(\d*)-(\d*)$/.exec(key);
  if (net) return `${net[1]} port${net[2] === net[3] ? ` ${net[2]}` : `s ${net[2]}–${net[3]}`}`;
  return key;
}
