// Top risks for leadership: finding keys (vulnerabilities, code rules, open port ranges) ranked by
// exploit availability, then Inspector score, then EPSS. A skip scan over the key index lists each once with its best-scored open
// finding in scope, so one CVE on thousands of resources cannot crowd the others out; only the
// 200 best-scored vulnerabilities are ranked, and only the final ten are counted.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { regionWhere } from "./overview-tiles";
import { openSql } from "@/lib/queries/lifecycle-sql";

export interface TopRiskRow {
  finding_key: string;
  title: string;
  severity: string;
  max_score: number | null;
  max_epss: number | null;
  exploitable: boolean;
  /** In CISA KEV: true/false once details were fetched, null = unknown. */
  kev: boolean | null;
  /** Open findings in scope (one per affected resource), every image counted: what the explorer's
   *  `cve=` filter opens with inUse=all (the key's own findings and those listing it among their
   *  aliases). Not counted under a region filter, where counting would read every matching row (~1 s
   *  at a million findings). The in-use switch is left out: it needs each finding's row, where the key
   *  index counts the key's own findings alone (17-25 against 52-68 ms warm at 1M). */
  findings: number | null;
}

export async function getTopRisks(scope: Scope, regions: string[], limit = 10, shortlist = 200): Promise<TopRiskRow[]> {
  const inScope = (alias: string) =>
    Prisma.sql`${openSql(alias)} AND ${scopeWhere(scope, Prisma.raw(`${alias}.account_id`))} AND ${regionWhere(Prisma.raw(`${alias}.region`), regions)}`;
  return queryRows<TopRiskRow>(Prisma.sql`
    WITH RECURSIVE v AS (
      (SELECT finding_key FROM findings WHERE finding_key IS NOT NULL ORDER BY finding_key LIMIT 1)
      UNION ALL
      SELECT (SELECT f.finding_key FROM findings f WHERE f.finding_key > v.finding_key ORDER BY f.finding_key LIMIT 1)
      FROM v WHERE v.finding_key IS NOT NULL
    ), best AS (
      SELECT v.finding_key, t.arn, t.inspector_score FROM v
      CROSS JOIN LATERAL (SELECT f.arn, f.inspector_score FROM findings f
        WHERE f.finding_key = v.finding_key AND ${inScope("f")} AND f.inspector_score IS NOT NULL
        ORDER BY f.inspector_score DESC, f.id LIMIT 1) t
      ORDER BY t.inspector_score DESC LIMIT ${shortlist}
    ), ranked AS (
      SELECT best.finding_key, f.title, f.severity, best.inspector_score AS max_score, f.epss_score AS max_epss, f.exploit_available IS NOT DISTINCT FROM 'YES' AS exploitable
      FROM best JOIN findings f ON f.arn = best.arn
      ORDER BY f.exploit_available IS NOT DISTINCT FROM 'YES' DESC, best.inspector_score DESC, f.epss_score DESC NULLS LAST, best.finding_key LIMIT ${limit}
    )
    SELECT r.*, (SELECT vi.in_kev FROM vulnerability_intel vi WHERE vi.vulnerability_id = r.finding_key) AS kev, ${regions.length ? Prisma.sql`NULL::int` : Prisma.sql`((SELECT count(*) FROM findings f WHERE f.finding_key = r.finding_key AND ${inScope("f")})
      + (SELECT count(*) FROM findings f WHERE f.related_vulnerabilities && ARRAY[r.finding_key] AND f.finding_key <> r.finding_key AND ${inScope("f")}))::int`} AS findings
    FROM ranked r
    ORDER BY r.exploitable DESC, r.max_score DESC, r.max_epss DESC NULLS LAST, r.finding_key`);
}

export interface RegionBarRow {
  region: string;
  severity: string;
  count: number;
}
