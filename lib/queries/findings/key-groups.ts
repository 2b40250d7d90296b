// The explorer's CVE groups for the whole organization, in one region or every region, with no other
// filter than the "In use only" switch and a severity among critical and high: read from
// open_key_region_rollups (kept by triggers on findings, migration *_open_key_rollups; ~1.9k rows
// where findings has 10M) instead of grouping the open findings (5.6 s for one region at 10M). Each
// shown group's label and best score are then read from its top finding within the filter, as the
// findings path does; with a severity, its accounts from open_key_rollups (one row per account the
// key reaches there). Same rows, same order.
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
const served = new Set<FindingsFilterField>(["region", "severity", "status", "inUse", "group", "sort", "cursor", "limit"]);
/** The severities the rollups split their counts by. */
const splitSeverities = new Set(["CRITICAL", "HIGH"]);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the key rollups hold this filter's CVE groups: every viewer's accounts (a scoped viewer's
 *  subset is not summed there), open findings, at most one region, critical or high severities only
 *  if any, nothing else narrowed. */
export function keyRollupsAnswer(scope: Scope, filter: ResolvedFilter & { group: string }): boolean {
  if (scope.accountIds !== "all" || filter.group !== "cve") return false;
  if (!same(filter.status, [OPEN_STATUS]) || filter.region.length > 1 || filter.resourceMatch) return false;
  if (!filter.severity.every((s) => splitSeverities.has(s))) return false;
  return findingsFilterFieldNames.every((k) => served.has(k) || same(filter[k as keyof FindingsFilter], defaults[k as keyof FindingsFilter]));
}

/** A rollup column for a position of the "In use only" switch: in use, idle, or both. */
function column(mode: InUseMode, alias: string, name: string): string {
  return mode === "only" ? `${alias}.${name}` : mode === "idle" ? `${alias}.${name}_idle` : `(${alias}.${name} + ${alias}.${name}_idle)`;
}

/** The group's counts from the rollup row `alias`: every severity, or only critical and/or high. */
function countsFor(mode: InUseMode, severities: string[], alias: string) {
  const col = (name: string) => column(mode, alias, name);
  if (!severities.length) {
    return { count: col("findings"), critical: col("critical"), high: col("high"), exploitable: col("exploitable") };
  }
  const critical = severities.includes("CRITICAL"), high = severities.includes("HIGH");
  const sum = (parts: (string | false)[]) => parts.filter(Boolean).join(" + ") || "0";
  return {
    count: sum([critical && col("critical"), high && col("high")]),
    critical: critical ? col("critical") : "0",
    high: high ? col("high") : "0",
    exploitable: sum([critical && col("exploitable_critical"), high && col("exploitable_high")]),
  };
}

/** `where` is the filter's WHERE over `findings f` (findingsWhere), for the shown groups' top findings:
 *  each the first of its key's findings in findings_finding_key_status_inspector_score_id_idx, which
 *  gives the label and, as unscored findings come first there, the best score unless it has none.
 *  Only then is the best score read on its own: with "IS NOT NULL" the planner walked every open
 *  critical's severity index entry for each group instead (23-29 ms a group at 10M). */
export async function groupKeysFromRollups(filter: ResolvedFilter, where: Prisma.Sql) {
  const mode = filter.inUse ?? defaultInUse;
  const severities = [...new Set(filter.severity)];
  const c = countsFor(mode, severities, "r");
  const region = filter.region[0] ?? "";
  // Every severity: the region rollup's own account count. Some: the accounts whose cell has them.
  const accounts = severities.length
    ? Prisma.sql`(SELECT count(*) FROM open_key_rollups k WHERE k.finding_key = g.key AND k.region = ${region} AND ${Prisma.raw(countsFor(mode, severities, "k").count)} > 0)`
    : Prisma.raw(mode === "only" ? "g.accounts" : mode === "idle" ? "g.accounts_idle" : "g.accounts_all");
  const rows = await queryRows<FindingGroupRow>(Prisma.sql`
    WITH g AS (
      SELECT r.finding_key AS key, (${Prisma.raw(c.count)})::int AS count, (${Prisma.raw(c.critical)})::int AS critical, (${Prisma.raw(c.high)})::int AS high,
        (${Prisma.raw(c.exploitable)})::int AS exploitable, r.accounts, r.accounts_idle, r.accounts_all, (count(*) OVER ())::int AS total_groups
      FROM open_key_region_rollups r
      WHERE r.region = ${region} AND (${Prisma.raw(c.count)}) > 0
      ORDER BY critical DESC, high DESC, count DESC, key ASC
      LIMIT ${filter.limit})
    SELECT g.key, top.title AS label, g.count, g.critical, g.high, g.exploitable, (${accounts})::int AS accounts,
      CASE WHEN top.score IS NOT NULL THEN top.score ELSE (SELECT f.inspector_score FROM findings f
        WHERE f.finding_key = g.key AND ${where} AND f.inspector_score IS NOT NULL
        ORDER BY f.finding_key, f.status, f.inspector_score DESC, f.id LIMIT 1) END AS max_score, g.total_groups
    FROM g
    LEFT JOIN LATERAL (SELECT f.title, f.inspector_score AS score FROM findings f WHERE f.finding_key = g.key AND ${where}
      ORDER BY f.finding_key, f.status, f.inspector_score DESC, f.id LIMIT 1) top ON TRUE
    ORDER BY g.critical DESC, g.high DESC, g.count DESC, g.key ASC`);
  return { groups: rows.map(({ total_groups: _t, ...r }) => r), totalGroups: rows[0]?.total_groups ?? 0 };
}
