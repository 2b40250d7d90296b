// Whether the cache holds anything yet: pages show the honest "run a sync" state when it does not.
import { Prisma, queryOne, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";

export async function hasPostureData(scope: Scope): Promise<boolean> {
  const row = await queryOne<{ any: boolean }>(Prisma.sql`SELECT EXISTS (SELECT 1 FROM accounts a WHERE ${scopeWhere(scope, Prisma.sql`a.id`)}) AS any`);
  return row?.any ?? false;
}

/** Regions the organization is synced in, for region pickers. */
export async function listRegions(scope: Scope): Promise<string[]> {
  const rows = await queryRows<{ region: string }>(Prisma.sql`SELECT DISTINCT ar.region FROM account_regions ar WHERE ${scopeWhere(scope, Prisma.sql`ar.account_id`)} ORDER BY 1`);
  return rows.map((r) => r.region);
}
