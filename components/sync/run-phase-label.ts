import type { SyncProgress } from "@/lib/sync/progress";

/** What a running sync is doing, in the words of the Sync now panel. */
export const runPhaseLabel: Record<SyncProgress["phase"], string> = {
  starting: "starting",
  accounts: "reading the accounts",
  findings: "listing findings",
  details: "finishing the accounts' OUs and owner tags",
  snapshots: "writing the daily snapshots",
  done: "done",
  failed: "failed",
};
