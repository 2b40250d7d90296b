// The coverage page's lead: scan configuration warnings from region_configs (organization-wide)
// and the per-type scan state of the accounts in scope (account_regions).
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { accountActiveSql } from "@/lib/queries/accounts/account-lifecycle";
import { scanConfigWarnings, type RegionConfigInput, type ScanConfigWarning } from "@/lib/domain/scan-config-warnings";

interface ConfigRow {
  region: string;
  ec2: boolean | null; ecr: boolean | null; lambda: boolean | null; lambda_code: boolean | null; code_repository: boolean | null;
  max_account_limit_reached: boolean | null;
  error: string | null;
  read_at: Date;
}

export async function getRegionConfigs(): Promise<(RegionConfigInput & { readAt: Date })[]> {
  const rows = await queryRows<ConfigRow>(Prisma.sql`
    SELECT region, auto_enable_ec2 AS ec2, auto_enable_ecr AS ecr, auto_enable_lambda AS lambda, auto_enable_lambda_code AS lambda_code,
      auto_enable_code_repository AS code_repository, max_account_limit_reached, error, read_at
    FROM region_configs ORDER BY region`);
  return rows.map((r) => ({
    region: r.region, error: r.error, maxAccountLimitReached: r.max_account_limit_reached, readAt: r.read_at,
    autoEnable: { ec2: r.ec2, ecr: r.ecr, lambda: r.lambda, lambdaCode: r.lambda_code, codeRepository: r.code_repository },
  }));
}

export async function getScanConfigWarnings(scope: Scope): Promise<ScanConfigWarning[]> {
  const [configs, states] = await Promise.all([
    getRegionConfigs(),
    queryRows<{ account_id: string; name: string | null; region: string; inspector_status: string | null; ec2: string | null; ecr: string | null; lambda: string | null; lambda_code: string | null; code_repository: string | null }>(Prisma.sql`
      SELECT ar.account_id, a.name, ar.region, ar.inspector_status, ar.ec2_status AS ec2, ar.ecr_status AS ecr, ar.lambda_status AS lambda,
        ar.lambda_code_status AS lambda_code, ar.code_repository_status AS code_repository
      FROM account_regions ar JOIN accounts a ON a.id = ar.account_id
      WHERE ${accountActiveSql("a")} AND ${scopeWhere(scope, Prisma.sql`ar.account_id`)}
      ORDER BY ar.account_id, ar.region`),
  ]);
  return scanConfigWarnings(configs, states.map((s) => ({
    accountId: s.account_id, name: s.name, region: s.region, inspectorStatus: s.inspector_status,
    states: { ec2: s.ec2, ecr: s.ecr, lambda: s.lambda, lambdaCode: s.lambda_code, codeRepository: s.code_repository },
  })));
}
