// An account's own lifecycle (accounts.lifecycle, written by the sync): an account that left
// Inspector or the organization, or is suspended, is shown so instead of its last known state.
import { accountLifecycles, type AccountLifecycle } from "@/lib/domain/lifecycle";
import { Prisma } from "@/lib/queries/sql";

export interface AccountLeft {
  lifecycle: Exclude<AccountLifecycle, "ACTIVE">;
  /** ISO time it was first seen so, when known. */
  since: string | null;
}

/** `lifecycle, lifecycle_since` of an accounts alias, for toAccountLeft(). */
export const lifecycleColumns = (alias: string) => Prisma.raw(`${alias}.lifecycle, ${alias}.lifecycle_since`);

/** null for an active account (or an unknown value, which must not hide its numbers). */
export function toAccountLeft(r: { lifecycle?: string | null; lifecycle_since?: Date | string | null }): AccountLeft | null {
  const l = r.lifecycle as AccountLifecycle | undefined;
  if (!l || l === "ACTIVE" || !accountLifecycles.includes(l)) return null;
  return { lifecycle: l, since: r.lifecycle_since ? new Date(r.lifecycle_since).toISOString() : null };
}

/** The account is still in Inspector and the organization (accounts alias). */
export const accountActiveSql = (alias: string) => Prisma.sql`${Prisma.raw(`${alias}.lifecycle`)} = ${"ACTIVE" satisfies AccountLifecycle}`;
