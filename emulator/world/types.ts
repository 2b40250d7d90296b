import type { Column } from "./grow";
import type { FilterCriteria } from "../inspector/filter-types";

// Shared codes and the in-memory world. Everything per finding or per resource is a
// typed-array column indexed by number; strings are materialised on demand.

export const STATUS = ["ACTIVE", "SUPPRESSED", "CLOSED", "DELETED"] as const;
export const ACTIVE = 0, SUPPRESSED = 1, CLOSED = 2, DELETED = 3;

export const RES_TYPES = ["AWS_EC2_INSTANCE", "AWS_ECR_CONTAINER_IMAGE", "AWS_ECR_REPOSITORY", "AWS_LAMBDA_FUNCTION"] as const;
export const EC2 = 0, ECR_IMAGE = 1, ECR_REPO = 2, LAMBDA = 3;

export const SCAN_KEYS = ["ec2", "ecr", "lambda", "lambdaCode"] as const;
export const STATE = ["ENABLED", "DISABLED", "SUSPENDED"] as const;
export const ENABLED = 0, DISABLED = 1, SUSPENDED_STATE = 2;

/** Coverage reasons; the first group means statusCode ACTIVE. */
export const REASONS = [
  "SUCCESSFUL", "SCAN_FREQUENCY_SCAN_ON_PUSH", "SCAN_IN_PROGRESS",
  "UNMANAGED_EC2_INSTANCE", "UNSUPPORTED_OS", "EC2_INSTANCE_STOPPED", "SCAN_ELIGIBILITY_EXPIRED", "UNSUPPORTED_RUNTIME",
  "NO_INVENTORY", "STALE_INVENTORY", "EXCLUDED_BY_TAG", "IMAGE_SIZE_EXCEEDED", "PENDING_INITIAL_SCAN", "ACCESS_DENIED",
  "INTERNAL_ERROR", "SCAN_FREQUENCY_MANUAL", "UNSUPPORTED_MEDIA_TYPE", "DEEP_INSPECTION_NO_INVENTORY", "RESOURCE_TERMINATED",
] as const;
export const ACTIVE_REASON_COUNT = 3;
export const reasonCode = (r: (typeof REASONS)[number]): number => REASONS.indexOf(r);

export interface Account {
  index: number;
  id: string;
  name: string;
  email: string;
  ou: string;
  team: string;
  /** The Team tag was removed from the account in Organizations (world change untagTeam); its resources keep theirs. */
  teamUntagged?: boolean;
  owner: string;
  environment: string;
  role: "management" | "admin" | "member";
  joinedAt: number;
  /** Inspector relationship; a fresh account may still be CREATED (not associated); REMOVED = disassociated. */
  relationship: "ENABLED" | "CREATED" | "REMOVED";
  /** Organizations status; LEFT = no longer in the organization (quirks, world/account-events.ts). */
  orgState?: "ACTIVE" | "SUSPENDED" | "LEFT";
  /** When Inspector was disabled in it (epoch seconds): its findings are deleted 24 h later. */
  disabledAt?: number;
}

export interface Rule {
  region: number;
  arn: string;
  name: string;
  description: string;
  reason?: string;
  action: "SUPPRESS" | "NONE";
  criteria: FilterCriteria;
  createdAt: number;
  updatedAt: number;
  /** Rules added by the clock are later removed by it. */
  expiresAt?: number;
}

export interface Resources {
  type: Column<Uint8Array>;
  account: Column<Uint32Array>;
  region: Column<Uint8Array>;
  flavour: Column<Uint8Array>; // EC2 platform, Lambda runtime, image base, repo app
  parent: Column<Int32Array>; // image -> repository resource
  ordinal: Column<Uint32Array>; // position within its account-region and type, for names
  reason: Column<Uint8Array>; // coverage reason for the PACKAGE scan
  codeReason: Column<Uint8Array>; // Lambda code scan reason (255 = not scanned)
  lastScan: Column<Float64Array>;
  weight: Column<Float64Array>;
  tplBits: Column<Uint32Array>; // 4 words per resource: templates already found on it
}

export interface Findings {
  res: Column<Uint32Array>;
  tpl: Column<Uint8Array>;
  status: Column<Uint8Array>;
  exploit: Column<Uint8Array>;
  first: Column<Float64Array>;
  last: Column<Float64Array>;
  updated: Column<Float64Array>;
}

export interface World {
  seed: number;
  start: number; // epoch seconds at generation
  clock: number; // epoch seconds now
  day: number; // days advanced since start
  regions: string[];
  accounts: Account[];
  accountById: Map<string, number>;
  adminIndex: number;
  managementIndex: number;
  orgId: string;
  rootId: string;
  ouIds: Map<string, string>;
  /** An OU's parent OU by name; OUs not named here sit under the root. */
  ouParents: Map<string, string>;
  /** state per account-region and per account-region-scan (index (a*R+r)*4+s). */
  arState: Uint8Array;
  scanState: Uint8Array;
  res: Resources;
  resByRegion: Column<Uint32Array>[];
  resByAr: Column<Uint32Array>[];
  resVisible: Uint8Array; // rebuilt when states change
  f: Findings;
  byRegion: Column<Uint32Array>[];
  byAr: Column<Uint32Array>[];
  tplExploit: Uint8Array;
  tplExploitAt: Float64Array;
  rules: Rule[];
  ruleSeq: number;
  closedRetentionDays: number;
  dailyChurn: number;
  version: number;
  /** Real AWS's behaviours, each off unless asked for (world/quirks.ts). */
  quirks: Quirks;
  /** Changes made but not yet listable (listing lag), applied once due. */
  pending: PendingChange[];
  /** Resources terminated: their findings closed, deleted 3 days later. */
  terminated: Set<number>;
}

export interface Quirks {
  /** AWS's clock minus the app's (seconds): the emulator's handle.now() is the app's clock. */
  clockSkewSeconds: number;
  /** A change becomes listable this long after its updatedAt. */
  listingLagSeconds: number;
  /** A disabled account's findings stay listable 24 h, then are deleted (else they vanish at once). */
  disabledRetention: boolean;
  /** Each simulated day may terminate resources (findings close, deleted after 3 days). */
  terminations: boolean;
  /** Each simulated day a member may leave Inspector, be suspended, or leave the organization. */
  accountChurn: boolean;
  /** Some findings list several resources (world/finding-shapes.ts). */
  multiResource: boolean;
  /** Ecosystem vulnerabilities carry GHSA ids: some only that (no CVE), the rest as a related vulnerability. */
  ghsaFindings: boolean;
  /** A scanStatus.reason Inspector may add later: reported instead of UNSUPPORTED_OS (null = off). */
  futureScanReason: string | null;
  /** Inspector code security: code repositories with SAST, IaC and SCA findings (emulator/code). */
  codeSecurity: boolean;
  /** Reference URLs per package finding (1 = the advisory's own page). Real advisories list many
   *  (NVD's 5 to 50): findings of a real size, for the sync's memory measurements. */
  referenceUrls: number;
  /** Unsorted ListFindings pages (of two or more findings) each start with the previous page's last
   *  finding again, as a listing over data that moves under its cursor may: the sync sees findings twice. */
  pageOverlap: boolean;
}

export interface PendingChange {
  i: number;
  status: number;
  updated: number;
  last: number;
  exploit: number;
}
