// One finding lifecycle for every count: Inspector's three statuses plus GONE, the cache's own
// status for a finding Inspector no longer reports (findings.status = 'GONE', gone_at, gone_reason,
// and what Inspector last said in gone_from_status). "Open" means status = OPEN_STATUS, nothing else.
export const OPEN_STATUS = "ACTIVE" as const;
export const GONE_STATUS = "GONE" as const;

/** Why a finding is no longer reported, when the sync knows. */
export const goneReasons = [
  "ACCOUNT_LEFT_INSPECTOR",
  "ACCOUNT_SUSPENDED",
  "ACCOUNT_LEFT_ORGANIZATION",
  "REGION_NOT_SYNCED",
  "RETENTION",
] as const;
export type GoneReason = (typeof goneReasons)[number];
export const goneReasonLabel: Record<GoneReason, string> = {
  ACCOUNT_LEFT_INSPECTOR: "its account left Inspector",
  ACCOUNT_SUSPENDED: "its account is suspended",
  ACCOUNT_LEFT_ORGANIZATION: "its account left the organization",
  REGION_NOT_SYNCED: "its region is no longer synced",
  RETENTION: "Inspector deleted it after its retention period (or its resource went away)",
};

/** An account's own lifecycle (accounts.lifecycle), shown instead of its last known state. */
export const accountLifecycles = ["ACTIVE", "LEFT_INSPECTOR", "SUSPENDED", "LEFT_ORGANIZATION"] as const;
export type AccountLifecycle = (typeof accountLifecycles)[number];
export const accountLifecycleLabel: Record<AccountLifecycle, string> = {
  ACTIVE: "Active",
  LEFT_INSPECTOR: "Left Inspector",
  SUSPENDED: "Suspended",
  LEFT_ORGANIZATION: "Left the organization",
};

/** Every status a cached finding can have: Inspector's three plus GONE (the explorer's filter). */
export const lifecycleStatuses = ["ACTIVE", "SUPPRESSED", "CLOSED", GONE_STATUS] as const;
export type LifecycleStatus = (typeof lifecycleStatuses)[number];
export const lifecycleStatusLabel: Record<LifecycleStatus, string> = { ACTIVE: "Open", SUPPRESSED: "Suppressed", CLOSED: "Closed", GONE: "Gone" };
