// The overview's headline numbers. Open-finding tiles and the resource-type bars come from one
// pass over open findings; account enablement and last sync from their own small tables.
import { Prisma, queryOne } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { accountActiveSql } from "@/lib/queries/accounts/account-lifecycle";

export interface OpenBreakdownRow {
  resource_type: string;
  severity: string;
  count: number;
  exploitable: number;
  fixable: number;
}

export function regionWhere(column: Prisma.Sql, regions: string[]): Prisma.Sql {
  return regions.length ? Prisma.sql`${column} = ANY(${regions}::text[])` : Prisma.sql`TRUE`;
}

export interface EnablementSummary {
  accounts: number;
  fully_enabled: number;
  with_sync_problems: number;
  /** Accounts that left Inspector or the organization, or are suspended: not in the counts above. */
  departed: number;
}

/** "Fully enabled" = Inspector and all four scan types ENABLED in every (selected) region. */
export async function getEnablementSummary(scope: Scope, regions: string[]): Promise<EnablementSummary> {
  const row = await queryOne<EnablementSummary>(Prisma.sql`
    SELECT count(*)::int AS accounts, count(*) FILTER (WHERE full_on)::int AS fully_enabled,
      count(*) FILTER (WHERE problems)::int AS with_sync_problems,
      (SELECT count(*)::int FROM accounts a WHERE NOT ${accountActiveSql("a")} AND ${scopeWhere(scope, Prisma.sql`a.id`)}) AS departed
    FROM (
      SELECT ar.account_id,
        bool_and(ar.inspector_status = 'ENABLED' AND ar.ec2_status = 'ENABLED' AND ar.ecr_status = 'ENABLED'
          AND ar.lambda_status = 'ENABLED' AND ar.lambda_code_status = 'ENABLED') AS full_on,
        bool_or(ar.sync_status NOT IN ('OK', 'INSPECTOR_DISABLED')) AS problems
      FROM account_regions ar JOIN accounts a ON a.id = ar.account_id
      WHERE ${accountActiveSql("a")} AND ${scopeWhere(scope, Prisma.sql`ar.account_id`)} AND ${regionWhere(Prisma.sql`ar.region`, regions)}
      GROUP BY ar.account_id
    ) per_account`);
  return row ?? { accounts: 0, fully_enabled: 0, with_sync_problems: 0, departed: 0 };
}

export interface LastSync {
  last_finished_at: Date | null;
  last_outcome: string | null;
  running: boolean;
  /** No successful sync within the last 24 hours. */
  stale: boolean;
}

/** Sync runs are organization-wide; the scope is taken for the uniform read-model signature. */
export async function getLastSync(_scope: Scope): Promise<LastSync> {
  const row = await queryOne<LastSync>(Prisma.sql`
    SELECT (SELECT max(finished_at) FROM sync_runs WHERE outcome IN ('SUCCEEDED', 'PARTIAL')) AS last_finished_at,
      (SELECT outcome FROM sync_runs WHERE finished_at IS NOT NULL ORDER BY started_at DESC LIMIT 1) AS last_outcome,
      EXISTS (SELECT 1 FROM sync_runs WHERE outcome = 'RUNNING') AS running,
      coalesce((SELECT max(finished_at) FROM sync_runs WHERE outcome IN ('SUCCEEDED', 'PARTIAL')) < now() - interval '24 hours', true) AS stale`);
  return row ?? { last_finished_at: null, last_outcome: null, running: false, stale: true };
}
