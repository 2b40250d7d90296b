// The coverage page's gap lists: unscanned resources by reason, accounts with Inspector disabled
// or suspended, and accounts that are enabled but report nothing at all.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { resolvedOwnerSql } from "@/lib/queries/owner-sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { scanCategorySql } from "./scan-category";
import { accountActiveSql } from "@/lib/queries/accounts/account-lifecycle";

export interface ReasonRow {
  reason: string;
  resources: number;
  accounts: number;
  ec2: number;
  ecr: number;
  lambda: number;
  lambda_code: number;
}

export async function getUnscannedByReason(scope: Scope, accountIds?: string[]): Promise<ReasonRow[]> {
  return queryRows<ReasonRow>(Prisma.sql`
    SELECT coalesce(cr.scan_status_reason, 'UNKNOWN') AS reason, count(*)::int AS resources, count(DISTINCT cr.account_id)::int AS accounts,
      count(*) FILTER (WHERE ${scanCategorySql} = 'EC2')::int AS ec2, count(*) FILTER (WHERE ${scanCategorySql} = 'ECR')::int AS ecr,
      count(*) FILTER (WHERE ${scanCategorySql} = 'LAMBDA')::int AS lambda, count(*) FILTER (WHERE ${scanCategorySql} = 'LAMBDA_CODE')::int AS lambda_code
    FROM covered_resources cr
    WHERE cr.scan_status_code <> 'ACTIVE' AND ${scopeWhere(scope, Prisma.sql`cr.account_id`)}
      AND ${accountIds ? Prisma.sql`cr.account_id = ANY(${accountIds}::varchar[])` : Prisma.sql`TRUE`}
    GROUP BY 1 ORDER BY resources DESC, reason`);
}

export interface AccountRegionStateRow {
  account_id: string;
  name: string | null;
  owner: string | null;
  region: string;
  inspector_status: string | null;
  relationship_status: string | null;
  sync_status: string;
  sync_error: string | null;
  last_synced_at: Date | null;
}

const stateColumns = Prisma.sql`ar.account_id, a.name, ${resolvedOwnerSql} AS owner, ar.region, ar.inspector_status, ar.relationship_status, ar.sync_status, ar.sync_error, ar.last_synced_at`;

/** Regions where Inspector is not running for the account (disabled, suspended, or not associated);
 *  accounts that left Inspector or the organization are shown as such on the matrix instead. */
export async function getDisabledAccounts(scope: Scope): Promise<AccountRegionStateRow[]> {
  return queryRows<AccountRegionStateRow>(Prisma.sql`
    SELECT ${stateColumns} FROM account_regions ar JOIN accounts a ON a.id = ar.account_id
    WHERE ${accountActiveSql("a")} AND ${scopeWhere(scope, Prisma.sql`ar.account_id`)}
      AND (ar.inspector_status IS DISTINCT FROM 'ENABLED' OR ar.sync_status = 'INSPECTOR_DISABLED')
    ORDER BY ar.inspector_status, ar.account_id, ar.region`);
}

/** Enabled and synced fine, yet Inspector reports no covered resource and no finding there. */
export async function getSilentAccounts(scope: Scope): Promise<AccountRegionStateRow[]> {
  return queryRows<AccountRegionStateRow>(Prisma.sql`
    SELECT ${stateColumns} FROM account_regions ar JOIN accounts a ON a.id = ar.account_id
    WHERE ${accountActiveSql("a")} AND ${scopeWhere(scope, Prisma.sql`ar.account_id`)} AND ar.inspector_status = 'ENABLED' AND ar.sync_status = 'OK'
      AND NOT EXISTS (SELECT 1 FROM covered_resources cr WHERE cr.account_id = ar.account_id AND cr.region = ar.region)
      AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.account_id = ar.account_id AND f.region = ar.region)
    ORDER BY ar.account_id, ar.region`);
}

/** Regions the sync could not read (access denied, errors, never synced): their zeros mean "unknown". */
export async function getUnsyncedRegions(scope: Scope): Promise<AccountRegionStateRow[]> {
  return queryRows<AccountRegionStateRow>(Prisma.sql`
    SELECT ${stateColumns} FROM account_regions ar JOIN accounts a ON a.id = ar.account_id
    WHERE ${accountActiveSql("a")} AND ${scopeWhere(scope, Prisma.sql`ar.account_id`)} AND ar.sync_status IN ('ACCESS_DENIED', 'ERROR', 'NEVER_SYNCED')
    ORDER BY ar.sync_status, ar.account_id, ar.region`);
}
