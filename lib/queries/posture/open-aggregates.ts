// Open findings counted three ways for the overview: by account, by resource type (with exploit
// and fix counts) and by region, each x severity. Three index-only scans run side by side: on two
// cores that beat one GROUPING SETS pass, which Postgres 15 cannot parallelise (measured, see
// docs/benchmarks.md).
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { regionWhere, type OpenBreakdownRow } from "./overview-tiles";
import { countOpenByAccount } from "./severity-heatmap";
import type { RegionBarRow } from "./top-risks";
import { openSql } from "@/lib/queries/lifecycle-sql";
import { inUseSql } from "@/lib/queries/in-use-sql";
import { countOpenByProvider, type ProviderSeverityCount } from "./provider-counts";
import type { InUseMode } from "@/lib/domain/in-use";

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
export async function getOpenAggregates(scope: Scope, regions: string[], inUse: InUseMode = "only"): Promise<OpenAggregates> {
  const where = Prisma.sql`${openSql("f")} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${regionWhere(Prisma.sql`f.region`, regions)} AND ${inUseSql(inUse)}`;
  const [byAccount, byType, byRegion, byProvider] = await Promise.all([
    countOpenByAccount(scope, regions, undefined, inUse),
    queryRows<OpenBreakdownRow>(Prisma.sql`
      SELECT f.resource_type, f.severity, count(*)::int AS count, count(*) FILTER (WHERE f.exploit_available = 'YES')::int AS exploitable,
        count(*) FILTER (WHERE f.fix_available = 'YES')::int AS fixable
      FROM findings f WHERE ${where} GROUP BY f.resource_type, f.severity`),
    queryRows<RegionBarRow>(Prisma.sql`SELECT f.region, f.severity, count(*)::int AS count FROM findings f WHERE ${where} GROUP BY f.region, f.severity`),
    countOpenByProvider(scope, regions, inUse),
  ]);
  return { byAccount, byType, byRegion, byProvider };
}
