// Shared definitions of finding status, type, resource type and availability flags (their Zod
// schemas are in enum-schemas.ts).
export const findingStatuses = ["ACTIVE", "SUPPRESSED", "CLOSED"] as const;
export type FindingStatus = (typeof findingStatuses)[number];
export const findingStatusLabel: Record<FindingStatus, string> = { ACTIVE: "Open", SUPPRESSED: "Suppressed", CLOSED: "Closed" };

export const findingTypes = ["PACKAGE_VULNERABILITY", "NETWORK_REACHABILITY", "CODE_VULNERABILITY"] as const;
export type FindingType = (typeof findingTypes)[number];
export const findingTypeLabel: Record<FindingType, string> = {
  PACKAGE_VULNERABILITY: "Package vulnerability",
  NETWORK_REACHABILITY: "Network reachability",
  CODE_VULNERABILITY: "Code vulnerability",
};

export const resourceTypes = [
  "AWS_EC2_INSTANCE",
  "AWS_ECR_CONTAINER_IMAGE",
  "AWS_ECR_REPOSITORY",
  "AWS_LAMBDA_FUNCTION",
  "CODE_REPOSITORY",
] as const;
export type ResourceType = (typeof resourceTypes)[number];
export const resourceTypeLabel: Record<ResourceType, string> = {
  AWS_EC2_INSTANCE: "EC2 instance",
  AWS_ECR_CONTAINER_IMAGE: "ECR image",
  AWS_ECR_REPOSITORY: "ECR repository",
  AWS_LAMBDA_FUNCTION: "Lambda function",
  CODE_REPOSITORY: "Code repository",
};

export const fixAvailableValues = ["YES", "NO", "PARTIAL"] as const;

/** The four scan types the coverage matrix shows per account. */
export const scanTypes = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE"] as const;
export type ScanType = (typeof scanTypes)[number];
export const scanTypeLabel: Record<ScanType, string> = { EC2: "EC2", ECR: "ECR", LAMBDA: "Lambda", LAMBDA_CODE: "Lambda code" };

/** Per-account sync status: zero findings must never silently mean "no access". */
export const accountSyncStatuses = ["OK", "ACCESS_DENIED", "INSPECTOR_DISABLED", "ERROR", "NEVER_SYNCED"] as const;
export type AccountSyncStatus = (typeof accountSyncStatuses)[number];
