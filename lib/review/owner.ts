// The one owner resolution: config override (INSPECTORATE_OWNERS), else the Organizations team
// tag, else the owner tag, else the OU the account sits in. Every grouping "by owner" uses it.
export interface OwnedAccount {
  id: string;
  owner: string | null;
  team: string | null;
  ouName: string | null;
}

export type OwnerSource = "config" | "team-tag" | "owner-tag" | "ou" | "none";
export const UNOWNED = "Unowned";

export function resolveOwner(a: OwnedAccount, overrides: Record<string, string>): { owner: string; source: OwnerSource } {
  const pick = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
  const configured = pick(overrides[a.id]);
  if (configured) return { owner: configured, source: "config" };
  const team = pick(a.team);
  if (team) return { owner: team, source: "team-tag" };
  const owner = pick(a.owner);
  if (owner) return { owner, source: "owner-tag" };
  const ou = pick(a.ouName);
  if (ou) return { owner: ou, source: "ou" };
  return { owner: UNOWNED, source: "none" };
}

/** Account id → resolved owner name, for grouping rows by owner. */
export function ownerMap(accounts: OwnedAccount[], overrides: Record<string, string>): Map<string, string> {
  return new Map(accounts.map((a) => [a.id, resolveOwner(a, overrides).owner]));
}
