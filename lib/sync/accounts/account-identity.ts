// Name and owner of an account: Organizations first, then the configured name map, then the
// id. INSPECTORATE_OWNERS names the owning team, so it overrides the Team tag (resolveOwner in
// lib/review/owner.ts, and its SQL twin, read team first). Pure.
import type { OrgAccount } from "./org-accounts";

export interface AccountIdentity {
  id: string;
  name: string | null;
  email: string | null;
  orgStatus: string | null;
  ouId: string | null;
  ouName: string | null;
  owner: string | null;
  team: string | null;
  /** Owner and team are known (null: no tag), not merely unread: Organizations gave the tags now. */
  tagsRead: boolean;
  joinedAt: Date | null;
}

export function accountIdentity(
  id: string,
  org: OrgAccount | undefined,
  names: Record<string, string>,
  owners: Record<string, string>,
): AccountIdentity {
  return {
    id,
    name: org?.name ?? names[id] ?? null,
    email: org?.email ?? null,
    orgStatus: org?.status ?? null,
    ouId: org?.ouId ?? null,
    ouName: org?.ouName ?? null,
    owner: org?.owner ?? null,
    team: owners[id] ?? org?.team ?? null,
    tagsRead: org?.tagsRead ?? false,
    joinedAt: org?.joinedAt ?? null,
  };
}
