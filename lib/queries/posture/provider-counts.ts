// Open findings on other clouds' resources (Azure through an Inspector connector…), per provider
// account and severity. Their account id is the provider's (an Azure subscription), so they get
// rows of their own, labelled by provider, never an AWS account's name, owner or page.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { openSql } from "@/lib/queries/lifecycle-sql";
import type { InUseMode } from "@/lib/domain/in-use";
import { regionWhere } from "./overview-tiles";
import { countFrom, type CountSource } from "./count-source";

export interface ProviderSeverityCount {
  /** The AWS account whose Inspector (connector) reports it. */
  account_id: string;
  provider: string;
  /** The provider's account (subscription) id; null when Inspector did not say. */
  provider_account_id: string | null;
  severity: string;
  count: number;
}

export async function countOpenByProvider(scope: Scope, regions: string[], inUse: InUseMode = "only", source: CountSource = "rollups"): Promise<ProviderSeverityCount[]> {
  const c = countFrom(source);
  return queryRows<ProviderSeverityCount>(Prisma.sql`
    SELECT f.account_id, f.provider, ${c.providerAccount} AS provider_account_id, f.severity, ${c.n} AS count FROM ${c.from}
    WHERE ${openSql("f")} AND f.provider <> 'AWS' AND ${c.inUse(inUse)}
      AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${regionWhere(Prisma.sql`f.region`, regions)}
    GROUP BY f.account_id, f.provider, 3, f.severity HAVING ${c.n} > 0`);
}
