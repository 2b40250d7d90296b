// Whether an account is still in the organization and in Inspector, decided once per run from
// Organizations ListAccounts and every readable region's ListMembers / BatchGetAccountStatus.
// An account never associated with Inspector stays ACTIVE (a coverage gap, shown as such). Pure.
import type { AccountLifecycle, GoneReason } from "@/lib/domain/lifecycle";
import type { RegionAccounts } from "./inspector-accounts";
import type { OrgAccount } from "./org-accounts";

export interface LifecycleInput {
  id: string;
  adminId: string;
  /** null when Organizations could not be read: the organization side is then unknown. */
  org: Map<string, OrgAccount> | null;
  regions: RegionAccounts[];
  previous: AccountLifecycle;
  /** The cache has findings of it, or saw it associated before. */
  knownToInspector: boolean;
}

const SUSPENDED_ORG = new Set(["SUSPENDED", "PENDING_CLOSURE", "CLOSED"]);
const SUSPENDED_STATE = new Set(["SUSPENDING", "SUSPENDED"]);

export function regionMembership(ra: RegionAccounts, id: string): "IN" | "SUSPENDED" | "OUT" {
  const rel = ra.relationships.get(id);
  const state = ra.states.get(id)?.inspectorStatus ?? null;
  if (rel === "ACCOUNT_SUSPENDED" || (state && SUSPENDED_STATE.has(state))) return "SUSPENDED";
  if ((rel === "ENABLED" || rel === "SELF") && state !== "DISABLED" && state !== "DISABLING") return "IN";
  return "OUT";
}

export function decideLifecycle(i: LifecycleInput): AccountLifecycle {
  if (i.id === i.adminId) return "ACTIVE";
  const org = i.org?.get(i.id);
  if (i.org && !org) return "LEFT_ORGANIZATION";
  if (org?.status && SUSPENDED_ORG.has(org.status)) return "SUSPENDED";
  if (!i.regions.length) return i.previous; // no region readable: Inspector's side is unknown
  const m = i.regions.map((ra) => regionMembership(ra, i.id));
  if (m.includes("IN")) return "ACTIVE";
  if (m.includes("SUSPENDED")) return "SUSPENDED";
  return i.knownToInspector || i.previous !== "ACTIVE" ? "LEFT_INSPECTOR" : "ACTIVE";
}

const byLifecycle: Record<Exclude<AccountLifecycle, "ACTIVE">, GoneReason> = {
  LEFT_INSPECTOR: "ACCOUNT_LEFT_INSPECTOR",
  SUSPENDED: "ACCOUNT_SUSPENDED",
  LEFT_ORGANIZATION: "ACCOUNT_LEFT_ORGANIZATION",
};

/** Why this account's findings in this region are no longer reported, when they are not. */
export function goneReason(lifecycle: AccountLifecycle, ra: RegionAccounts, id: string): GoneReason {
  if (lifecycle !== "ACTIVE") return byLifecycle[lifecycle];
  const m = regionMembership(ra, id);
  return m === "SUSPENDED" ? "ACCOUNT_SUSPENDED" : m === "OUT" ? "ACCOUNT_LEFT_INSPECTOR" : "RETENTION";
}

/** Every account's lifecycle this run, from what the cache knew of each before it. */
export function decideLifecycles(
  ids: string[], known: Map<string, { lifecycle: AccountLifecycle; knownToInspector: boolean }>,
  org: Map<string, OrgAccount> | null, regions: RegionAccounts[], adminId: string,
): Map<string, AccountLifecycle> {
  return new Map(ids.map((id) => [id, decideLifecycle({
    id, adminId, org, regions, previous: known.get(id)?.lifecycle ?? "ACTIVE", knownToInspector: known.get(id)?.knownToInspector ?? false,
  })]));
}
