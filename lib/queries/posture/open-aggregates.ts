// Open findings counted three ways for the overview: by account, by resource type (with exploit
// and fix counts) and by region, each x severity, read from the rollups (count-source.ts): a few
// thousand rows per thousand accounts instead of every open finding. `source` "findings" counts the
// findings themselves (the reference the rollups are tested against).
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { regionWhere, type OpenBreakdownRow } from "./overview-tiles";
import { countOpenByAccount } from "./severity-heatmap";
import type { RegionBarRow } from "./top-risks";
import { openSql } from "@/lib/queries/lifecycle-sql";
import { countOpenByProvider, type ProviderSeverityCount } from "./provider-counts";
import type { InUseMode } from "@/lib/domain/in-use";
import { countFrom, type CountSource } from "./count-source";

export interface AccountSeverityCount {
  account_id: string;
  severity: string;
  count: number;
}

export interface OpenAggregates {
  byAccount: AccountSeverityCount[];
  byType: OpenBreakdownRow[];
  byRegion: RegionBarRow[];
  /** Other clouds' accounts (Azure subscriptions…), never counted as AWS accounts. */
  byProvider: ProviderSeverityCount[];
}

/** `inUse`: the "In use only" switch (lib/domain/in-use.ts); every count here honours it. */
export async function getOpenAggregates(scope: Scope, regions: string[], inUse: InUseMode = "only", source: CountSource = "rollups"): Promise<OpenAggregates> {
  const c = countFrom(source);
  const where = Prisma.sql`${openSql("f")} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${regionWhere(Prisma.sql`f.region`, regions)} AND ${c.inUse(inUse)}`;
  const [byAccount, byType, byRegion, byProvider] = await Promise.all([
    countOpenByAccount(scope, regions, undefined, inUse, source),
    queryRows<OpenBreakdownRow>(Prisma.sql`
      SELECT f.resource_type, f.severity, ${c.n} AS count, ${c.exploitable} AS exploitable, ${c.fixable} AS fixable
      FROM ${c.from} WHERE ${where} GROUP BY f.resource_type, f.severity HAVING ${c.n} > 0`),
    queryRows<RegionBarRow>(Prisma.sql`SELECT f.region, f.severity, ${c.n} AS count FROM ${c.from} WHERE ${where} GROUP BY f.region, f.severity HAVING ${c.n} > 0`),
    countOpenByProvider(scope, regions, inUse, source),
  ]);
  return { byAccount, byType, byRegion, byProvider };
}
