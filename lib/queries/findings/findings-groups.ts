// Group-by for the explorer: counts per finding key (vulnerability, code rule, network port range;
// the "cve" group), package, resource (every resource of a finding), AMI or image under the current filter, worst groups first. Each group links back to the list filtered to that key.
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import type { FindingsGroup } from "./findings-filter";
import type { ResolvedFilter } from "./resource-match";
import { findingsWhere } from "./findings-where";

export interface FindingGroupRow {
  key: string;
  label: string | null;
  count: number;
  critical: number;
  high: number;
  exploitable: number;
  accounts: number;
  max_score: number | null;
  total_groups: number;
}

const groupKey: Record<FindingsGroup, { key: Prisma.Sql; label: Prisma.Sql; from?: Prisma.Sql }> = {
  cve: { key: Prisma.sql`f.finding_key`, label: Prisma.sql`min(f.title)` },
  package: { key: Prisma.sql`p.name`, label: Prisma.sql`NULL::text`, from: Prisma.sql`CROSS JOIN LATERAL unnest(f.package_names) AS p(name)` },
  resource: { key: Prisma.sql`fr.resource_id`, label: Prisma.sql`coalesce(max(fr.name), min(fr.type))`, from: Prisma.sql`JOIN finding_resources fr ON fr.finding_arn = f.arn` },
  ami: { key: Prisma.sql`f.ami_id`, label: Prisma.sql`NULL::text` },
  image: { key: Prisma.sql`f.ecr_image_hash`, label: Prisma.sql`min(f.ecr_repository)` },
};

export async function groupFindings(scope: Scope, filter: ResolvedFilter & { group: FindingsGroup }) {
  const g = groupKey[filter.group];
  const rows = await queryRows<FindingGroupRow>(Prisma.sql`
    SELECT ${g.key} AS key, ${g.label} AS label, count(*)::int AS count,
      count(*) FILTER (WHERE f.severity = 'CRITICAL')::int AS critical,
      count(*) FILTER (WHERE f.severity = 'HIGH')::int AS high,
      count(*) FILTER (WHERE f.exploit_available = 'YES')::int AS exploitable,
      count(DISTINCT f.account_id)::int AS accounts, max(f.inspector_score) AS max_score,
      (count(*) OVER ())::int AS total_groups
    FROM findings f ${g.from ?? Prisma.empty}
    WHERE ${findingsWhere(scope, filter)} AND ${g.key} IS NOT NULL
    GROUP BY ${g.key}
    ORDER BY critical DESC, high DESC, count DESC, key ASC
    LIMIT ${filter.limit}`);
  return { groups: rows.map(({ total_groups: _t, ...r }) => r), totalGroups: rows[0]?.total_groups ?? 0 };
}
