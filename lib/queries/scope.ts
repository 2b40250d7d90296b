// The viewer's scope: which accounts a read model may show. Access control narrows it here,
// in one place; every query applies it in SQL through scopeWhere().
import { Prisma } from "@/lib/generated/prisma/client";

export type Scope = { accountIds: string[] | "all" };

export const allScope: Scope = { accountIds: "all" };

/**
 * The scope of whoever is asking (lib/auth resolves the actor once per request). Nobody signed in
 * means no scope at all: the request is sent to sign-in rather than shown anything.
 */
export async function scopeForRequest(): Promise<Scope> {
  // Imported when called, so read models and their tests don't load the request machinery.
  const { requestActor } = await import("@/lib/auth/request-actor");
  const actor = await requestActor();
  if (actor) return actor.scope;
  const { redirect } = await import("next/navigation");
  return redirect("/auth/signin");
}

/** Whether the viewer sees every account: the organization-wide records (frozen reviews) are theirs only. */
export function seesWholeOrg(scope: Scope): boolean {
  return scope.accountIds === "all";
}

/**
 * What "every account" is called for this viewer: the whole organization only for a viewer who sees
 * it; a scoped viewer's counts cover their own accounts, and the label says so.
 */
export function everyAccountLabel(wholeOrg: boolean, accounts: number): string {
  return wholeOrg ? "Whole organization" : `Your ${accounts.toLocaleString("en-US")} account${accounts === 1 ? "" : "s"}`;
}

/** Whether one account is within the viewer's scope. */
export function inScope(scope: Scope, accountId: string): boolean {
  return scope.accountIds === "all" || scope.accountIds.includes(accountId);
}

/** `<column> = ANY(...)` for a narrowed scope, TRUE for "all"; an empty list matches nothing. */
export function scopeWhere(scope: Scope, column: Prisma.Sql): Prisma.Sql {
  if (scope.accountIds === "all") return Prisma.sql`TRUE`;
  return Prisma.sql`${column} = ANY(${scope.accountIds}::varchar[])`;
}
