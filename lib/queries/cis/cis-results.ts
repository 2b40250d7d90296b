// CIS benchmark results per account: its latest completed scan in each region (the scan targets
// the account) and the checks that failed there. No scan: an empty list, shown as "no CIS scan".
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";

export interface AccountCisScan {
  accountId: string;
  region: string;
  scanArn: string;
  scanName: string | null;
  scanDate: Date;
  level: string | null;
  /** Checks of this account in the scan, and those with at least one failed resource; null = not read. */
  checks: number | null;
  failed: number | null;
}

export async function getLatestCisScans(scope: Scope, accountIds?: string[]): Promise<AccountCisScan[]> {
  return queryRows<AccountCisScan>(Prisma.sql`
    SELECT DISTINCT ON (t.account_id, s.region) t.account_id AS "accountId", s.region, s.scan_arn AS "scanArn", s.scan_name AS "scanName",
      s.scan_date AS "scanDate", s.security_level AS level,
      (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE count(*)::int END FROM cis_check_results c WHERE c.scan_arn = s.scan_arn AND c.account_id = t.account_id) AS checks,
      (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE (count(*) FILTER (WHERE c.failed > 0))::int END FROM cis_check_results c WHERE c.scan_arn = s.scan_arn AND c.account_id = t.account_id) AS failed
    FROM cis_scans s CROSS JOIN LATERAL unnest(s.account_ids) AS t(account_id)
    WHERE s.status = 'COMPLETED' AND s.scan_date IS NOT NULL AND ${scopeWhere(scope, Prisma.sql`t.account_id`)}
      AND ${accountIds ? Prisma.sql`t.account_id = ANY(${accountIds}::varchar[])` : Prisma.sql`TRUE`}
    ORDER BY t.account_id, s.region, s.scan_date DESC`);
}

export interface FailedCheck {
  region: string;
  checkId: string;
  title: string | null;
  level: string | null;
  platform: string | null;
  failed: number;
  passed: number | null;
}

export async function getFailedChecks(scope: Scope, accountId: string, scanArns: string[]): Promise<FailedCheck[]> {
  if (!scanArns.length) return [];
  return queryRows<FailedCheck>(Prisma.sql`
    SELECT s.region, c.check_id AS "checkId", c.title, c.level, c.platform, c.failed, c.passed
    FROM cis_check_results c JOIN cis_scans s ON s.scan_arn = c.scan_arn
    WHERE c.account_id = ${accountId} AND ${scopeWhere(scope, Prisma.sql`c.account_id`)} AND c.scan_arn = ANY(${scanArns}::text[]) AND c.failed > 0
    ORDER BY c.failed DESC, c.check_id, s.region`);
}
