// Top risks for leadership: vulnerabilities ranked by exploit availability, then Inspector score,
// then EPSS. Candidates are the 5,000 highest-scored open findings (an index walk), so this stays
// fast at a million findings; a vulnerability below them would not make a top ten anyway.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { regionWhere } from "./overview-tiles";

export interface TopRiskRow {
  vulnerability_id: string;
  title: string;
  severity: string;
  max_score: number | null;
  max_epss: number | null;
  exploitable: boolean;
  findings: number;
  resources: number;
  accounts: number;
}

export async function getTopRisks(scope: Scope, regions: string[], limit = 10, candidates = 5_000): Promise<TopRiskRow[]> {
  return queryRows<TopRiskRow>(Prisma.sql`
    SELECT c.vulnerability_id, min(c.title) AS title,
      (array_agg(c.severity ORDER BY c.inspector_score DESC))[1] AS severity,
      max(c.inspector_score) AS max_score, max(c.epss_score) AS max_epss, bool_or(c.exploit_available) AS exploitable,
      count(*)::int AS findings, count(DISTINCT c.resource_id)::int AS resources, count(DISTINCT c.account_id)::int AS accounts
    FROM (
      SELECT f.vulnerability_id, f.title, f.severity, f.inspector_score, f.epss_score, f.exploit_available, f.resource_id, f.account_id
      FROM findings f
      WHERE f.status = 'ACTIVE' AND f.inspector_score IS NOT NULL AND f.vulnerability_id IS NOT NULL
        AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${regionWhere(Prisma.sql`f.region`, regions)}
      ORDER BY f.inspector_score DESC LIMIT ${candidates}) c
    GROUP BY c.vulnerability_id
    ORDER BY bool_or(c.exploit_available) DESC, max(c.inspector_score) DESC, max(c.epss_score) DESC NULLS LAST, count(*) DESC
    LIMIT ${limit}`);
}

export interface RegionBarRow {
  region: string;
  severity: string;
  count: number;
}
