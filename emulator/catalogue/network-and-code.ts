import type { Severity } from "./cves";

// Network reachability and Lambda code-scanning finding kinds; the resource supplies the
// concrete path components and file names when a finding is materialised.

export interface NetworkEntry {
  begin: number;
  end: number;
  protocol: "TCP" | "UDP";
  via: "igw" | "peering" | "vgw";
  severity: Severity;
}

export const NETWORK: readonly NetworkEntry[] = [
  { begin: 22, end: 22, protocol: "TCP", via: "igw", severity: "MEDIUM" },
  { begin: 3389, end: 3389, protocol: "TCP", via: "igw", severity: "MEDIUM" },
  { begin: 80, end: 80, protocol: "TCP", via: "igw", severity: "LOW" },
  { begin: 443, end: 443, protocol: "TCP", via: "igw", severity: "INFORMATIONAL" },
  { begin: 3306, end: 3306, protocol: "TCP", via: "igw", severity: "HIGH" },
  { begin: 5432, end: 5432, protocol: "TCP", via: "igw", severity: "HIGH" },
  { begin: 6379, end: 6379, protocol: "TCP", via: "peering", severity: "MEDIUM" },
  { begin: 9200, end: 9300, protocol: "TCP", via: "igw", severity: "HIGH" },
  { begin: 27017, end: 27017, protocol: "TCP", via: "vgw", severity: "MEDIUM" },
  { begin: 0, end: 65535, protocol: "TCP", via: "igw", severity: "HIGH" },
  { begin: 53, end: 53, protocol: "UDP", via: "igw", severity: "LOW" },
  { begin: 161, end: 161, protocol: "UDP", via: "vgw", severity: "LOW" },
];

export interface CodeEntry {
  detector: string; // suffix of the detector id, e.g. "sql-injection"
  name: string;
  cwes: string[];
  severity: Severity;
  tags: string[];
}

export const CODE: readonly CodeEntry[] = [
  { detector: "sql-injection", name: "SQL injection", cwes: ["CWE-89"], severity: "HIGH", tags: ["injection", "sql", "owasp-top10", "top25-cwes"] },
  { detector: "os-command-injection", name: "OS command injection", cwes: ["CWE-77", "CWE-78", "CWE-88"], severity: "HIGH", tags: ["injection", "subprocess", "owasp-top10"] },
  { detector: "hardcoded-credentials", name: "Hardcoded credentials", cwes: ["CWE-798"], severity: "CRITICAL", tags: ["secrets", "owasp-top10", "top25-cwes"] },
  { detector: "insecure-cryptography", name: "Insecure cryptography", cwes: ["CWE-327"], severity: "MEDIUM", tags: ["cryptography"] },
  { detector: "path-traversal", name: "Path traversal", cwes: ["CWE-22"], severity: "HIGH", tags: ["injection", "owasp-top10", "top25-cwes"] },
  { detector: "server-side-request-forgery", name: "Server-side request forgery", cwes: ["CWE-918"], severity: "HIGH", tags: ["networking", "owasp-top10"] },
  { detector: "untrusted-deserialization", name: "Deserialization of untrusted object", cwes: ["CWE-502"], severity: "HIGH", tags: ["deserialization", "owasp-top10"] },
  { detector: "log-injection", name: "Log injection", cwes: ["CWE-117"], severity: "LOW", tags: ["injection", "logging"] },
  { detector: "resource-leak", name: "Resource leak", cwes: ["CWE-400", "CWE-664"], severity: "MEDIUM", tags: ["availability", "resource-leak"] },
  { detector: "xml-external-entity", name: "XML External Entity", cwes: ["CWE-611"], severity: "HIGH", tags: ["xml", "injection", "owasp-top10"] },
];
