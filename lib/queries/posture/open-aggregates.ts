// Open findings counted for the overview: by account (AWS accounts, and other clouds' accounts
// apart), by resource type (with exploit and fix counts) and by region, each x severity. Two reads
// (count-source.ts): the per-account count the accounts pages read too (countOpenPerAccount), and
// one per region x type, summed here into the type and region bars. Without a region filter the first,
// and with every account in scope the second, read the open rollups the database keeps summed (30k
// and ~1.4k rows at 10M findings, where finding_rollups holds 344k open cells at ~150 ms a pass). `source` "findings" counts the findings
// themselves (the reference the rollups are tested against).
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { regionWhere, type OpenBreakdownRow } from "./overview-tiles";
import type { RegionBarRow } from "./top-risks";
import type { ProviderSeverityCount } from "./provider-counts";
import type { InUseMode } from "@/lib/domain/in-use";
import { perRegionTypeFrom, type CountSource } from "./count-source";
import { awsAccountCounts, countOpenPerAccount } from "./severity-heatmap";
import { sumBy } from "./sum-by";

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

type RegionTypeRow = OpenBreakdownRow & { region: string };

/** `inUse`: the "In use only" switch (lib/domain/in-use.ts); every count here honours it. */
export async function getOpenAggregates(scope: Scope, regions: string[], inUse: InUseMode = "only", source: CountSource = "rollups"): Promise<OpenAggregates> {
  const c = perRegionTypeFrom(source, scope);
  const where = Prisma.sql`${c.open} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${regionWhere(Prisma.sql`f.region`, regions)} AND ${c.inUse(inUse)}`;
  const [perAccount, perRegionType] = await Promise.all([
    countOpenPerAccount(scope, regions, undefined, inUse, source),
    queryRows<RegionTypeRow>(Prisma.sql`
      SELECT f.region, f.resource_type, f.severity, ${c.n} AS count, ${c.exploitable} AS exploitable, ${c.fixable} AS fixable
      FROM ${c.from} WHERE ${where} GROUP BY f.region, f.resource_type, f.severity HAVING ${c.n} > 0`),
  ]);
  const byType = sumBy(perRegionType.map(({ resource_type, severity, count, exploitable, fixable }) => ({ resource_type, severity, count, exploitable, fixable })),
    (r) => `${r.resource_type}\u0000${r.severity}`, (into, r) => {
      into.exploitable += r.exploitable;
      into.fixable += r.fixable;
    });
  return {
    byAccount: awsAccountCounts(perAccount),
    byType,
    byRegion: sumBy(perRegionType.map(({ region, severity, count }) => ({ region, severity, count })), (r) => `${r.region}\u0000${r.severity}`),
    byProvider: perAccount.filter((r) => r.provider !== "AWS"),
  };
}
