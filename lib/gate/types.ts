// What the pure decision (decide.ts) reads and answers. The API route and the CLI fill these from
// the cache or from Inspector directly; nothing here touches a database or the network.
import type { FixAvailable } from "./finding-facts";

export interface GateFinding {
  arn: string;
  title: string;
  severity: string;
  /** Only open findings (OPEN_STATUS) are judged; others are ignored. */
  status: string;
  type: string;
  inspectorScore: number | null;
  cvss: number | null;
  epss: number | null;
  /** null: not applicable or unknown (network and code findings). */
  exploitAvailable: boolean | null;
  fixAvailable: FixAvailable | null;
  vulnerabilityId: string | null;
  /** What the finding is about (lib/sync/map/finding-key.ts) and its aliases: exceptions match either. */
  findingKey: string;
  relatedVulnerabilities: string[];
  packageNames: string[];
  /** The primary resource, and every resource the finding names (exceptions on resources see all). */
  resourceId: string;
  resourceIds: string[];
  firstObservedAt: Date;
}

/** Where the artifact's scan stands: only "complete" lets the findings be judged. */
export type ScanState =
  | { state: "complete"; lastScannedAt: Date | null }
  | { state: "pending" | "disabled" | "unknown"; reason: string };

export interface Observation {
  source: "cache" | "inspector";
  /** How current the data is: the region's last successful sync, or now for a live read. */
  asOf: Date | null;
  scan: ScanState;
  findings: GateFinding[];
  /** The artifact's account and OU, for the policy's scope overrides. */
  accountId: string | null;
  ouName: string | null;
}

export interface GateException {
  /** The public id the app and the API show (never the serial). */
  id: string;
  findingArn: string | null;
  vulnerabilityId: string | null;
  aliases: string[];
  resourceIds: string[];
  owner: string;
  reason: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type Verdict = "pass" | "fail" | "undecidable";

export interface FindingRef {
  arn: string;
  title: string;
  severity: string;
  vulnerabilityId: string | null;
  packageNames: string[];
}

export interface Decision {
  verdict: Verdict;
  /** Why no verdict could be reached (empty unless undecidable). */
  undecidable: { code: "not-scanned" | "scan-pending" | "scanning-disabled" | "cache-stale"; message: string }[];
  failing: (FindingRef & { rules: string[] })[];
  /** Rules broken beyond their tolerance, with how many findings broke them. */
  brokenRules: { id: string; description?: string; matched: number; maxFindings: number }[];
  excepted: (FindingRef & { exceptionId: string; owner: string; reason: string; expiresAt: string })[];
  appliedOverrides: string[];
  openFindings: number;
}
