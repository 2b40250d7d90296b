// The explorer's CVE groups for the whole organization, in one region or every region, with no other
// filter than the "In use only" switch: read from open_key_region_rollups (kept by triggers on
// findings, migration *_open_key_rollups; ~1.5k rows where findings has 10M) instead of grouping the
// open findings (4.3 s for one region at 10M). Each shown group's label and best score are then read
// from its top finding within the filter, as the findings path does. Same rows, same order.
import { defaultInUse, type InUseMode } from "@/lib/domain/in-use";
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { findingsFilterSchema, type FindingsFilter } from "./findings-filter";
import { findingsFilterFieldNames, type FindingsFilterField } from "./findings-fields";
import type { FindingGroupRow } from "./findings-groups";
import type { ResolvedFilter } from "./resource-match";

const defaults = findingsFilterSchema.parse({});
/** What the rollup is keyed or split by, or what does not narrow a group's rows. */
const served = new Set<FindingsFilterField>(["region", "status", "inUse", "group", "sort", "cursor", "limit"]);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the key rollups hold this filter's CVE groups: every viewer's accounts (a scoped viewer's
 *  subset is not summed there), open findings, at most one region, nothing else narrowed. */
export function keyRollupsAnswer(scope: Scope, filter: ResolvedFilter & { group: string }): boolean {
  if (scope.accountIds !== "all" || filter.group !== "cve") return false;
  if (!same(filter.status, [OPEN_STATUS]) || filter.region.length > 1 || filter.resourceMatch) return false;
  return findingsFilterFieldNames.every((k) => served.has(k) || same(filter[k as keyof FindingsFilter], defaults[k as keyof FindingsFilter]));
}

/** The rollup's columns for a position of the "In use only" switch. */
function countsFor(mode: InUseMode) {
  const pick = (inUse: string, idle: string) =>
    Prisma.raw(mode === "only" ? `r.${inUse}` : mode === "idle" ? `r.${idle}` : `(r.${inUse} + r.${idle})`);
  return {
    count: pick("findings", "findings_idle"),
    critical: pick("critical", "critical_idle"),
    high: pick("high", "high_idle"),
    exploitable: pick("exploitable", "exploitable_idle"),
    accounts: Prisma.raw(mode === "only" ? "r.accounts" : mode === "idle" ? "r.accounts_idle" : "r.accounts_all"),
  };
}

/** `where` is the filter's WHERE over `findings f` (findingsWhere), for the shown groups' top findings. */
export async function groupKeysFromRollups(filter: ResolvedFilter, where: Prisma.Sql) {
  const c = countsFor(filter.inUse ?? defaultInUse);
  const rows = await queryRows<FindingGroupRow>(Prisma.sql`
    WITH g AS (
      SELECT r.finding_key AS key, ${c.count}::int AS count, ${c.critical}::int AS critical, ${c.high}::int AS high,
        ${c.exploitable}::int AS exploitable, ${c.accounts}::int AS accounts, (count(*) OVER ())::int AS total_groups
      FROM open_key_region_rollups r
      WHERE r.region = ${filter.region[0] ?? ""} AND ${c.count} > 0
      ORDER BY critical DESC, high DESC, count DESC, key ASC
      LIMIT ${filter.limit})
    SELECT g.key, top.title AS label, g.count, g.critical, g.high, g.exploitable, g.accounts, best.score AS max_score, g.total_groups
    FROM g
    LEFT JOIN LATERAL (SELECT f.title FROM findings f WHERE f.finding_key = g.key AND ${where}
      ORDER BY f.status, f.inspector_score DESC, f.id LIMIT 1) top ON TRUE
    LEFT JOIN LATERAL (SELECT f.inspector_score AS score FROM findings f WHERE f.finding_key = g.key AND ${where} AND f.inspector_score IS NOT NULL
      ORDER BY f.status, f.inspector_score DESC, f.id LIMIT 1) best ON TRUE
    ORDER BY g.critical DESC, g.high DESC, g.count DESC, g.key ASC`);
  return { groups: rows.map(({ total_groups: _t, ...r }) => r), totalGroups: rows[0]?.total_groups ?? 0 };
}
