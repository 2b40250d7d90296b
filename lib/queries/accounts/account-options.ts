// Choices for filter inputs: accounts (id and name), OUs, owners and regions in the viewer's scope.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { resolvedOwnerSql } from "@/lib/queries/owner-sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { listRegions } from "@/lib/queries/posture/has-data";

export interface FilterOptions {
  accounts: { id: string; name: string | null }[];
  ous: string[];
  owners: string[];
  regions: string[];
}

export async function getFilterOptions(scope: Scope): Promise<FilterOptions> {
  const [accounts, regions] = await Promise.all([
    queryRows<{ id: string; name: string | null; ou_name: string | null; owner: string | null }>(
      Prisma.sql`SELECT a.id, a.name, a.ou_name, ${resolvedOwnerSql} AS owner FROM accounts a WHERE ${scopeWhere(scope, Prisma.sql`a.id`)} ORDER BY a.name NULLS LAST, a.id`,
    ),
    listRegions(scope),
  ]);
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();
  return { accounts: accounts.map(({ id, name }) => ({ id, name })), ous: distinct(accounts.map((a) => a.ou_name)), owners: distinct(accounts.map((a) => a.owner)), regions };
}
