// The accounts a review covers, each with its resolved owner, and the organization / OU / owner /
// account the trends are narrowed to. Owners resolve in TypeScript (config overrides), not SQL.
import { env } from "@/lib/env";
import { ownerMap } from "@/lib/review/owner";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { everyAccountLabel, inScope, scopeWhere, type Scope } from "@/lib/queries/scope";
import { lifecycleColumns, toAccountLeft } from "@/lib/queries/accounts/account-lifecycle";
import type { GroupKind, ReviewGroup } from "./review-types";

export interface ReviewAccount {
  id: string;
  name: string | null;
  ouName: string | null;
  owner: string;
  /** Left Inspector or the organization, or suspended: still listed (its history is real), not counted as one of "your N accounts". */
  left?: boolean;
}

export async function reviewAccounts(scope: Scope, overrides: Record<string, string> = env().INSPECTORATE_OWNERS): Promise<ReviewAccount[]> {
  const rows = await queryRows<{ id: string; name: string | null; ouName: string | null; owner: string | null; team: string | null; lifecycle: string; lifecycle_since: Date | null }>(Prisma.sql`
    SELECT id, name, ou_name AS "ouName", owner, team, ${lifecycleColumns("a")} FROM accounts a
    WHERE ${scopeWhere(scope, Prisma.sql`a.id`)} ORDER BY coalesce(name, id)`);
  const owners = ownerMap(rows, overrides);
  return rows.map((r) => ({ id: r.id, name: r.name, ouName: r.ouName, owner: owners.get(r.id)!, left: toAccountLeft(r) !== null }));
}

/** How many of the accounts are still in the organization and Inspector: what Accounts calls "your N accounts" too. */
const present = (accounts: ReviewAccount[]) => accounts.filter((a) => !a.left).length;

/** The group the URL asks for; an unknown OU/owner/account yields an empty group, not everything. */
export function resolveGroup(accounts: ReviewAccount[], kind: GroupKind, value?: string, wholeOrg = true): ReviewGroup {
  if (kind === "org" || !value) return { kind: "org", label: everyAccountLabel(wholeOrg, present(accounts)), accountIds: accounts.map((a) => a.id) };
  const match = accounts.filter((a) => (kind === "ou" ? a.ouName === value : kind === "owner" ? a.owner === value : a.id === value));
  const label = kind === "account" ? `Account ${match[0]?.name ?? value}` : `${kind === "ou" ? "OU" : "Owner"} ${value}`;
  return { kind, value, label, accountIds: match.map((a) => a.id) };
}

/** The scope the group's queries run in: the viewer's scope narrowed to the group's accounts. */
export function groupScope(scope: Scope, group: ReviewGroup): Scope {
  if (group.kind === "org") return scope;
  return { accountIds: group.accountIds.filter((id) => inScope(scope, id)) };
}

/** Distinct OUs and owners for the group picker, and what its "every account" choice is called. */
export function groupOptions(accounts: ReviewAccount[], wholeOrg = true) {
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  // reviewAccounts lists them by name (or id): the first is where "By account" starts.
  return { ous: uniq(accounts.map((a) => a.ouName)), owners: uniq(accounts.map((a) => a.owner)), firstAccount: accounts[0]?.id ?? null, everyLabel: everyAccountLabel(wholeOrg, present(accounts)) };
}
