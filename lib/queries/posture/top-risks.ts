// Top risks for leadership: vulnerabilities ranked by exploit availability, then Inspector score,
// then EPSS. A skip scan over the CVE index lists each vulnerability once with its best-scored open
// finding in scope, so one CVE on thousands of resources cannot crowd the others out; only the
// 200 best-scored vulnerabilities are ranked, and only the final ten are counted.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { regionWhere } from "./overview-tiles";
import { openSql } from "@/lib/queries/lifecycle-sql";

export interface TopRiskRow {
  vulnerability_id: string;
  title: string;
  severity: string;
  max_score: number | null;
  max_epss: number | null;
  exploitable: boolean;
  /** Open findings in scope (one per affected resource); not counted under a region filter, where
   *  counting would read every matching row (~1 s at a million findings). */
  findings: number | null;
}

export async function getTopRisks(scope: Scope, regions: string[], limit = 10, shortlist = 200): Promise<TopRiskRow[]> {
  const inScope = (alias: string) =>
    Prisma.sql`${openSql(alias)} AND ${scopeWhere(scope, Prisma.raw(`${alias}.account_id`))} AND ${regionWhere(Prisma.raw(`${alias}.region`), regions)}`;
  return queryRows<TopRiskRow>(Prisma.sql`
    WITH RECURSIVE v AS (
      (SELECT vulnerability_id FROM findings WHERE vulnerability_id IS NOT NULL ORDER BY vulnerability_id LIMIT 1)
      UNION ALL
      SELECT (SELECT f.vulnerability_id FROM findings f WHERE f.vulnerability_id > v.vulnerability_id ORDER BY f.vulnerability_id LIMIT 1)
      FROM v WHERE v.vulnerability_id IS NOT NULL
    ), best AS (
      SELECT v.vulnerability_id, t.arn, t.inspector_score FROM v
      CROSS JOIN LATERAL (SELECT f.arn, f.inspector_score FROM findings f
        WHERE f.vulnerability_id = v.vulnerability_id AND ${inScope("f")} AND f.inspector_score IS NOT NULL
        ORDER BY f.inspector_score DESC, f.arn LIMIT 1) t
      ORDER BY t.inspector_score DESC LIMIT ${shortlist}
    ), ranked AS (
      SELECT best.vulnerability_id, f.title, f.severity, best.inspector_score AS max_score, f.epss_score AS max_epss, f.exploit_available AS exploitable
      FROM best JOIN findings f ON f.arn = best.arn
      ORDER BY f.exploit_available DESC, best.inspector_score DESC, f.epss_score DESC NULLS LAST, best.vulnerability_id LIMIT ${limit}
    )
    SELECT r.*, ${regions.length ? Prisma.sql`NULL::int` : Prisma.sql`(SELECT count(*)::int FROM findings f WHERE f.vulnerability_id = r.vulnerability_id AND ${inScope("f")})`} AS findings
    FROM ranked r
    ORDER BY r.exploitable DESC, r.max_score DESC, r.max_epss DESC NULLS LAST, r.vulnerability_id`);
}

export interface RegionBarRow {
  region: string;
  severity: string;
  count: number;
}
