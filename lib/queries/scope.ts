// The viewer's scope: which accounts a read model may show. Access control narrows it here,
// in one place; every query applies it in SQL through scopeWhere().
import { Prisma } from "@/lib/generated/prisma/client";

export type Scope = { accountIds: string[] | "all" };

export const allScope: Scope = { accountIds: "all" };

/** Everyone sees the whole organization for now; per-user scopes replace this one function. */
export async function scopeForRequest(): Promise<Scope> {
  return allScope;
}

/** Whether the viewer sees every account: the organization-wide records (frozen reviews) are theirs only. */
export function seesWholeOrg(scope: Scope): boolean {
  return scope.accountIds === "all";
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
