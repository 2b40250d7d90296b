import { CVES, type CveEntry, type Family, type Severity } from "./cves";
import { CODE, NETWORK, type CodeEntry, type NetworkEntry } from "./network-and-code";

// A template is one kind of finding: a CVE in one package family, an open port, or a
// code detector. Findings store only a template index; strings live here once.

export type FindingType = "PACKAGE_VULNERABILITY" | "NETWORK_REACHABILITY" | "CODE_VULNERABILITY";

export interface Template {
  index: number;
  type: FindingType;
  severity: Severity;
  title: string;
  description: string;
  vulnerabilityId?: string;
  source?: string;
  vendorSeverity?: string;
  inspectorScore?: number;
  epss?: number;
  fixAvailable?: "YES" | "NO" | "PARTIAL";
  exploit: boolean;
  weight: number;
  family?: Family;
  packageManager?: string;
  cve?: CveEntry;
  net?: NetworkEntry;
  code?: CodeEntry;
}

export const SEVERITY_RANK: Record<string, number> = { UNTRIAGED: 0, INFORMATIONAL: 1, LOW: 2, MEDIUM: 3, HIGH: 4, CRITICAL: 5 };
const WEIGHT: Record<Severity, number> = { CRITICAL: 0.8, HIGH: 2.2, MEDIUM: 3, LOW: 2, INFORMATIONAL: 2.5, UNTRIAGED: 1.2 };
const MANAGER: Record<Family, string> = { deb: "OS", rpm: "OS", win: "OS", jar: "JAR", npm: "NPM", pip: "PIP", gomod: "GOMOD", nuget: "NUGET" };
const SOURCE: Record<Family, string> = { deb: "UBUNTU_CVE", rpm: "AMAZON_CVE", win: "NVD", jar: "NVD", npm: "NVD", pip: "NVD", gomod: "NVD", nuget: "NVD" };

function vendorSeverity(c: CveEntry): string {
  if (c.family === "deb") return { CRITICAL: "high", HIGH: "high", MEDIUM: "medium", LOW: "low", INFORMATIONAL: "negligible", UNTRIAGED: "untriaged" }[c.severity];
  if (c.family === "rpm") return { CRITICAL: "critical", HIGH: "important", MEDIUM: "medium", LOW: "low", INFORMATIONAL: "low", UNTRIAGED: "untriaged" }[c.severity];
  return c.severity;
}

function packageTemplate(c: CveEntry, index: number): Template {
  const fix = c.fixed === "NotAvailable" ? "NO" : "YES";
  return {
    index, type: "PACKAGE_VULNERABILITY", severity: c.severity, title: `${c.id} - ${c.pkg}`, description: c.summary,
    vulnerabilityId: c.id, source: SOURCE[c.family], vendorSeverity: vendorSeverity(c),
    inspectorScore: c.severity === "UNTRIAGED" ? undefined : c.score, epss: c.epss, fixAvailable: fix,
    exploit: c.exploit, weight: WEIGHT[c.severity], family: c.family, packageManager: MANAGER[c.family], cve: c,
  };
}

function networkTemplate(n: NetworkEntry, index: number): Template {
  const range = n.begin === n.end ? `Port ${n.begin}` : `Port range ${n.begin}-${n.end}`;
  const via = { igw: "an Internet Gateway", peering: "a Peered VPC", vgw: "a Virtual Private Gateway" }[n.via];
  return {
    index, type: "NETWORK_REACHABILITY", severity: n.severity, title: `${range} is reachable from ${via} - ${n.protocol}`,
    description: `On the instance, ${range.toLowerCase()} is reachable from ${via} through the attached security group and network ACL.`,
    exploit: false, weight: 1, net: n,
  };
}

function codeTemplate(c: CodeEntry, index: number): Template {
  return {
    index, type: "CODE_VULNERABILITY", severity: c.severity, title: `${c.cwes.join(",")} - ${c.name}`,
    description: `${c.name}: the detector found a code path where untrusted input reaches a sensitive sink.`,
    exploit: false, weight: 1, code: c, fixAvailable: undefined,
  };
}

export const TEMPLATES: readonly Template[] = [
  ...CVES.map((c, i) => packageTemplate(c, i)),
  ...NETWORK.map((n, i) => networkTemplate(n, CVES.length + i)),
  ...CODE.map((c, i) => codeTemplate(c, CVES.length + NETWORK.length + i)),
];

if (TEMPLATES.length > 128) throw new Error("template bitsets hold at most 128 templates");
