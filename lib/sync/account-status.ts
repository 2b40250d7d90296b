// The sync status of one account in one region, so zero findings never silently means "no
// access": the region's failure wins, then the account's own listing failure, then whether
// Inspector is enabled for it there. Pure.
import type { AccountSyncStatus } from "@/lib/domain/finding-enums";
import { classifyAwsError } from "@/lib/aws/errors";

export interface AccountStatusInput {
  regionError?: unknown;
  listingError?: unknown;
  enabled: { ok: boolean; why?: string };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function accountSyncStatus(i: AccountStatusInput): { status: AccountSyncStatus; error: string | null } {
  const failure = i.regionError ?? i.listingError;
  if (failure !== undefined) {
    return { status: classifyAwsError(failure) === "ACCESS_DENIED" ? "ACCESS_DENIED" : "ERROR", error: message(failure) };
  }
  if (!i.enabled.ok) return { status: "INSPECTOR_DISABLED", error: i.enabled.why ?? null };
  return { status: "OK", error: null };
}
