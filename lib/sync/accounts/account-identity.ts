// Name and owner of an account: Organizations first, then the configured name map, then the
// id; INSPECTORATE_OWNERS overrides any Owner tag. Pure.
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
    owner: owners[id] ?? org?.owner ?? null,
    team: org?.team ?? null,
    joinedAt: org?.joinedAt ?? null,
  };
}
