// Account x severity counts of open findings for the heatmap, every account in scope included
// (zero findings next to a sync problem must not read as "clean").
import { Prisma, queryRows } from "@/lib/queries/sql";
import { resolvedOwnerSql } from "@/lib/queries/owner-sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import type { Severity } from "@/lib/domain/severity";
import { regionWhere } from "./overview-tiles";
import { lifecycleColumns, toAccountLeft, type AccountLeft } from "@/lib/queries/accounts/account-lifecycle";
import type { AccountSeverityCount } from "./open-aggregates";
import type { InUseMode } from "@/lib/domain/in-use";
import { perAccountFrom, type CountSource } from "./count-source";
import type { ProviderSeverityCount } from "./provider-counts";
import { sumBy } from "./sum-by";
import { markOtherClouds } from "./provider-rows";

export interface HeatmapRow {
  accountId: string;
  name: string | null;
  ou: string | null;
  owner: string | null;
  counts: Record<Severity, number>;
  total: number;
  /** Non-OK sync statuses in any region (ACCESS_DENIED, ERROR, …), empty when all synced. */
  syncProblems: string[];
  /** No region (of the selection) ever synced for this account and the cache holds none of its findings:
   *  its counts are unknown, not zero ("—", never 0). */
  noData?: boolean;
  /** Set when the account left Inspector or the organization, or is suspended. */
  left?: AccountLeft | null;
  /** Another cloud (AZURE…): accountId is that cloud's account, with no AWS account page or name. */
  provider?: string;
  /** This AWS account also reports other clouds' findings (counted in their own rows): links add provider=AWS. */
  otherClouds?: boolean;
}

export type HeatmapAccount = Omit<Raw, "counts">;

interface Raw {
  id: string;
  name: string | null;
  ou_name: string | null;
  owner: string | null;
  counts: Partial<Record<Severity, number>> | null;
  sync_problems: string[] | null;
  /** Regions (of the selection) whose last sync of the account succeeded. */
  synced_regions?: number | null;
  lifecycle?: string | null;
  lifecycle_since?: Date | null;
}

/** Accounts in scope with their sync problems, without counts (the overview adds its own). */
export async function getHeatmapAccounts(scope: Scope, regions: string[], accountIds?: string[]): Promise<HeatmapAccount[]> {
  return queryRows<HeatmapAccount>(Prisma.sql`
    SELECT a.id, a.name, a.ou_name, ${resolvedOwnerSql} AS owner, s.sync_problems, coalesce(s.synced_regions, 0) AS synced_regions, ${lifecycleColumns("a")}
    FROM accounts a
    LEFT JOIN (
      SELECT ar.account_id, array_agg(DISTINCT ar.sync_status) FILTER (WHERE ar.sync_status <> 'OK') AS sync_problems,
        (count(*) FILTER (WHERE ar.sync_status = 'OK'))::int AS synced_regions
      FROM account_regions ar WHERE ${regionWhere(Prisma.sql`ar.region`, regions)} GROUP BY ar.account_id) s ON s.account_id = a.id
    WHERE ${scopeWhere(scope, Prisma.sql`a.id`)} AND ${accountIds ? Prisma.sql`a.id = ANY(${accountIds}::varchar[])` : Prisma.sql`TRUE`}
    ORDER BY a.id`);
}

/** Open findings per account, cloud and severity: the one per-account count, read by the overview
 *  (getOpenAggregates) and the accounts pages alike. Another cloud's findings come with that cloud and
 *  its account, so they are counted in rows of their own (provider-counts.ts), never as the AWS
 *  account's. Read from the rollups; `source` "findings" counts the findings themselves (the reference). */
export function countOpenPerAccount(
  scope: Scope, regions: string[], accountIds?: string[], inUse: InUseMode = "only", source: CountSource = "rollups",
): Promise<ProviderSeverityCount[]> {
  const c = perAccountFrom(source, regions);
  return queryRows<ProviderSeverityCount>(Prisma.sql`
    SELECT f.account_id, f.provider, ${c.providerAccount} AS provider_account_id, f.severity, ${c.n} AS count FROM ${c.from}
    WHERE ${c.open} AND ${c.inUse(inUse)} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${regionWhere(Prisma.sql`f.region`, regions)}
      AND ${accountIds ? Prisma.sql`f.account_id = ANY(${accountIds}::varchar[])` : Prisma.sql`TRUE`}
    GROUP BY f.account_id, f.provider, 3, f.severity HAVING ${c.n} > 0`);
}

/** The AWS resources' counts of countOpenPerAccount, per account and severity. */
export function awsAccountCounts(rows: ProviderSeverityCount[]): AccountSeverityCount[] {
  const aws = rows.filter((r) => r.provider === "AWS").map(({ account_id, severity, count }) => ({ account_id, severity, count }));
  return sumBy(aws, (r) => `${r.account_id}\u0000${r.severity}`);
}

/** Every account in scope with its open counts per severity (accounts pages). */
export async function getSeverityHeatmap(scope: Scope, regions: string[], accountIds?: string[], source: CountSource = "rollups"): Promise<HeatmapRow[]> {
  const [accounts, counts] = await Promise.all([getHeatmapAccounts(scope, regions, accountIds), countOpenPerAccount(scope, regions, accountIds, "only", source)]);
  return markOtherClouds(mergeHeatmap(accounts, awsAccountCounts(counts)), counts.filter((c) => c.provider !== "AWS"));
}

export function mergeHeatmap(accounts: HeatmapAccount[], counts: AccountSeverityCount[]): HeatmapRow[] {
  const byAccount = new Map<string, Partial<Record<Severity, number>>>();
  for (const c of counts) {
    const m = byAccount.get(c.account_id) ?? {};
    m[c.severity as Severity] = (m[c.severity as Severity] ?? 0) + c.count;
    byAccount.set(c.account_id, m);
  }
  return accounts.map((a) => toHeatmapRow({ ...a, counts: byAccount.get(a.id) ?? null }));
}

export function toHeatmapRow(r: Raw): HeatmapRow {
  const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNTRIAGED: 0, ...(r.counts ?? {}) };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const noData = total === 0 && r.synced_regions === 0;
  return { accountId: r.id, name: r.name, ou: r.ou_name, owner: r.owner, counts, total, syncProblems: r.sync_problems ?? [], left: toAccountLeft(r), ...(noData ? { noData } : {}) };
}
