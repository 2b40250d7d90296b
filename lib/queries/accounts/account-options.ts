// Choices for filter inputs: OUs, owners and regions in the viewer's scope. Accounts are not listed
// here: the explorer's account picker asks for the ones matching what is typed (account-suggestions.ts),
// so a page does not grow with the organization.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { resolvedOwnerSql } from "@/lib/queries/owner-sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { listRegions } from "@/lib/queries/posture/has-data";
import { overviewMemo } from "@/lib/queries/posture/sync-version";

export interface FilterOptions {
  ous: string[];
  owners: string[];
  regions: string[];
}

/** The options, memoised until the data changes (accounts and account_regions move the version). */
export const filterOptions = (scope: Scope): Promise<FilterOptions> => overviewMemo().get(`filter-options:${JSON.stringify(scope)}`, () => getFilterOptions(scope));

export async function getFilterOptions(scope: Scope): Promise<FilterOptions> {
  const [pairs, regions] = await Promise.all([
    queryRows<{ ou_name: string | null; owner: string | null }>(
      Prisma.sql`SELECT DISTINCT a.ou_name, ${resolvedOwnerSql} AS owner FROM accounts a WHERE ${scopeWhere(scope, Prisma.sql`a.id`)}`,
    ),
    listRegions(scope),
  ]);
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();
  return { ous: distinct(pairs.map((a) => a.ou_name)), owners: distinct(pairs.map((a) => a.owner)), regions };
}
