// Group-by for the explorer: counts per finding key (vulnerability, code rule, network port range;
// the "cve" group), package, resource (every resource of a finding), AMI or image under the current filter, worst groups first. Each group links back to the list filtered to that key.
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import type { FindingsGroup } from "./findings-filter";
import type { ResolvedFilter } from "./resource-match";
import { findingsWhere } from "./findings-where";
import { groupKeysFromRollups, keyRollupsAnswer } from "./key-groups";

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

/** A group's key and label. `titleOf` labels a group after grouping, by one indexed read per group
 *  shown: the title of the group's top finding (by score) within the filter, rather than min(title)
 *  over the group, which would read every grouped finding's row for a column no index holds. */
interface GroupBy { key: Prisma.Sql; label?: Prisma.Sql; from?: Prisma.Sql; titleOf?: (where: Prisma.Sql) => Prisma.Sql }

const groupKey: Record<FindingsGroup, GroupBy> = {
  cve: {
    key: Prisma.sql`f.finding_key`,
    // The order of findings_finding_key_status_inspector_score_id_idx: the first row that passes the filter.
    titleOf: (where) => Prisma.sql`(SELECT f.title FROM findings f WHERE f.finding_key = g.key AND ${where}
      ORDER BY f.status, f.inspector_score DESC, f.id LIMIT 1)`,
  },
  package: { key: Prisma.sql`p.name`, from: Prisma.sql`CROSS JOIN LATERAL unnest(f.package_names) AS p(name)` },
  resource: { key: Prisma.sql`fr.resource_id`, label: Prisma.sql`coalesce(max(fr.name), min(fr.type))`, from: Prisma.sql`JOIN finding_resources fr ON fr.finding_arn = f.arn` },
  ami: { key: Prisma.sql`f.ami_id` },
  image: { key: Prisma.sql`f.ecr_image_hash`, label: Prisma.sql`min(f.ecr_repository)` },
};

/** The groups, from the key rollups where they hold the answer (key-groups.ts), else from the findings. */
export async function groupFindings(scope: Scope, filter: ResolvedFilter & { group: FindingsGroup }) {
  if (keyRollupsAnswer(filter)) return groupKeysFromRollups(scope, filter, findingsWhere(scope, filter));
  return groupFindingsOverFindings(scope, filter);
}

/** The groups counted over the findings that pass the filter. */
export async function groupFindingsOverFindings(scope: Scope, filter: ResolvedFilter & { group: FindingsGroup }) {
  const g = groupKey[filter.group];
  const where = findingsWhere(scope, filter);
  const rows = await queryRows<FindingGroupRow>(Prisma.sql`
    WITH g AS (
      SELECT ${g.key} AS key, ${g.label ?? Prisma.sql`NULL::text`} AS label, count(*)::int AS count,
        count(*) FILTER (WHERE f.severity = 'CRITICAL')::int AS critical,
        count(*) FILTER (WHERE f.severity = 'HIGH')::int AS high,
        count(*) FILTER (WHERE f.exploit_available = 'YES')::int AS exploitable,
        count(DISTINCT f.account_id)::int AS accounts, max(f.inspector_score) AS max_score,
        (count(*) OVER ())::int AS total_groups
      FROM findings f ${g.from ?? Prisma.empty}
      WHERE ${where} AND ${g.key} IS NOT NULL
      GROUP BY ${g.key}
      ORDER BY critical DESC, high DESC, count DESC, key ASC
      LIMIT ${filter.limit})
    SELECT g.key, ${g.titleOf ? g.titleOf(where) : Prisma.sql`g.label`} AS label, g.count, g.critical, g.high, g.exploitable,
      g.accounts, g.max_score, g.total_groups
    FROM g ORDER BY g.critical DESC, g.high DESC, g.count DESC, g.key ASC`);
  return { groups: rows.map(({ total_groups: _t, ...r }) => r), totalGroups: rows[0]?.total_groups ?? 0 };
}
