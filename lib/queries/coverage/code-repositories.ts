// Code repositories Inspector scans (CODE_REPOSITORY coverage in scope) and the organization's
// code security set-up: integrations and scan configurations with their associated projects.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { openSql } from "@/lib/queries/lifecycle-sql";

export interface CodeRepositoryRow {
  account_id: string;
  account_name: string | null;
  region: string;
  resource_id: string;
  project: string | null;
  provider: string | null;
  scan_status_code: string;
  scan_status_reason: string | null;
  last_scanned_at: Date | null;
  last_commit: string | null;
  open_findings: number;
}

export async function getCodeRepositories(scope: Scope): Promise<CodeRepositoryRow[]> {
  return queryRows<CodeRepositoryRow>(Prisma.sql`
    SELECT cr.account_id, a.name AS account_name, cr.region, cr.resource_id, coalesce(cr.metadata->'codeRepository'->>'projectName', cr.resource_name) AS project,
      cr.metadata->'codeRepository'->>'providerType' AS provider, cr.scan_status_code, cr.scan_status_reason, cr.last_scanned_at,
      cr.metadata->'codeRepository'->>'lastScannedCommitId' AS last_commit,
      (SELECT count(*)::int FROM finding_resources fr JOIN findings f ON f.arn = fr.finding_arn
        WHERE fr.resource_id = cr.resource_id AND f.account_id = cr.account_id AND ${openSql("f")}) AS open_findings
    FROM covered_resources cr LEFT JOIN accounts a ON a.id = cr.account_id
    WHERE cr.resource_type = 'CODE_REPOSITORY' AND ${scopeWhere(scope, Prisma.sql`cr.account_id`)}
    ORDER BY project, cr.account_id, cr.region, cr.scan_type`);
}

// No ARNs: they name the delegated administrator's account, which a scoped viewer may not see.
export interface CodeSetup {
  integrations: { region: string; name: string | null; type: string | null; status: string | null; status_reason: string | null }[];
  configurations: { region: string; name: string | null; periodic_scan_frequency: string | null; continuous_events: string[]; rule_set_categories: string[]; projects: number }[];
}

/** Organization-wide set-up (names and settings, no account ids), read for every viewer. */
export async function getCodeSetup(): Promise<CodeSetup> {
  const [integrations, configurations] = await Promise.all([
    queryRows<CodeSetup["integrations"][number]>(Prisma.sql`SELECT region, name, type, status, status_reason FROM code_security_integrations ORDER BY region, name, arn`),
    queryRows<CodeSetup["configurations"][number]>(Prisma.sql`
      SELECT region, name, periodic_scan_frequency, continuous_events, rule_set_categories, cardinality(project_ids)::int AS projects
      FROM code_scan_configurations ORDER BY region, name, arn`),
  ]);
  return { integrations, configurations };
}
