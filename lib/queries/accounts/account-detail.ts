// One account's page: its identity, per-region Inspector and sync state, latest per-region sync
// results (with the integrity comparison) and its open-findings trend from daily_snapshots.
import { Prisma, queryOne, queryRows } from "@/lib/queries/sql";
import { resolvedOwnerSql } from "@/lib/queries/owner-sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { lifecycleColumns, toAccountLeft } from "./account-lifecycle";

export interface AccountRow {
  id: string;
  name: string | null;
  email: string | null;
  org_status: string | null;
  ou_name: string | null;
  owner: string | null;
  /** The Owner tag (often a person); `owner` is the resolved owning team. */
  contact: string | null;
  is_delegated_admin: boolean;
  joined_at: Date | null;
  lifecycle: string;
  lifecycle_since: Date | null;
}

export interface AccountRegionRow {
  region: string;
  relationship_status: string | null;
  inspector_status: string | null;
  ec2_status: string | null;
  ecr_status: string | null;
  lambda_status: string | null;
  lambda_code_status: string | null;
  sync_status: string;
  sync_error: string | null;
  last_synced_at: Date | null;
  integrity_match: boolean | null;
  integrity_residual: number | null;
  integrity_repaired: boolean | null;
  findings_synced: number | null;
}

export async function getAccount(scope: Scope, id: string) {
  const account = await queryOne<AccountRow>(Prisma.sql`
    SELECT id, name, email, org_status, ou_name, ${resolvedOwnerSql} AS owner, owner AS contact, is_delegated_admin, joined_at, ${lifecycleColumns("a")} FROM accounts a
    WHERE a.id = ${id} AND ${scopeWhere(scope, Prisma.sql`a.id`)}`);
  if (!account) return undefined;
  const regions = await queryRows<AccountRegionRow>(Prisma.sql`
    SELECT ar.region, ar.relationship_status, ar.inspector_status, ar.ec2_status, ar.ecr_status, ar.lambda_status, ar.lambda_code_status,
      ar.sync_status, ar.sync_error, ar.last_synced_at, r.integrity_match, r.integrity_residual, r.integrity_repaired, r.findings AS findings_synced
    FROM account_regions ar
    LEFT JOIN LATERAL (SELECT integrity_match, integrity_residual, integrity_repaired, findings FROM sync_account_results s
      WHERE s.account_id = ar.account_id AND s.region = ar.region ORDER BY s.run_id DESC LIMIT 1) r ON TRUE
    WHERE ar.account_id = ${id} ORDER BY ar.region`);
  return { account, regions, left: toAccountLeft(account) };
}

export interface TrendRow {
  day: string;
  severity: string;
  open: number;
  opened: number;
  closed: number;
}

/** Open findings per day and severity over the last `days` days (all regions). */
export async function getAccountTrend(scope: Scope, id: string, days = 90): Promise<TrendRow[]> {
  return queryRows<TrendRow>(Prisma.sql`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.severity, d.open, d.opened, d.closed FROM daily_snapshots d
    WHERE d.account_id = ${id} AND ${scopeWhere(scope, Prisma.sql`d.account_id`)} AND d.day >= current_date - ${days}::int
    ORDER BY d.day`);
}
