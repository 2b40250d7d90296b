// The explorer's CVE groups in one region or every region, with no other filter than the "In use
// only" switch, a severity among critical and high, and accounts: read from the key rollups (kept by
// triggers on findings, migration *_open_key_rollups) instead of grouping the open findings (5.6 s
// for one region at 10M). For every account, open_key_region_rollups (~1.9k rows where findings has
// 10M); for some (a scoped viewer, an account filter), their rows of open_key_rollups. Each shown
// group's label and best score are then read from its top finding within the filter, as the findings
// path does. Same rows, same order.
import { defaultInUse, type InUseMode } from "@/lib/domain/in-use";
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import { log } from "@/lib/ops/logger";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";
import { inOneSnapshot, Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { narrowsOnlyBy, sameValue } from "./findings-filter";
import type { FindingsFilterField } from "./findings-fields";
import type { FindingGroupRow } from "./findings-groups";
import type { ResolvedFilter } from "./resource-match";
import { noteScopeAsked, scopeHash, summedAheadAccounts, sumsCurrentSql } from "./scope-key-rollups";
import { accountsColumn, keyCellsSum } from "@/lib/queries/key-rollup-cells";

/** What the rollup is keyed or split by, or what does not narrow a group's rows. */
const served = new Set<FindingsFilterField>(["account", "region", "severity", "status", "inUse", "group", "sort", "cursor", "limit"]);
/** The severities the rollups split their counts by. */
const splitSeverities = new Set(["CRITICAL", "HIGH"]);

/** Whether the key rollups hold this filter's CVE groups: open findings, at most one region, critical
 *  or high severities only if any, accounts only if any, nothing else narrowed. */
export function keyRollupsAnswer(filter: ResolvedFilter & { group: string }): boolean {
  if (filter.group !== "cve") return false;
  if (!sameValue(filter.status, [OPEN_STATUS]) || filter.region.length > 1 || filter.resourceMatch) return false;
  if (!filter.severity.every((s) => splitSeverities.has(s))) return false;
  return narrowsOnlyBy(filter, served);
}

/** The accounts the groups count: the viewer's, narrowed by the account filter; "all" for every one. */
function accountsOf(scope: Scope, filter: ResolvedFilter): string[] | "all" {
  const asked = filter.account.length ? filter.account : "all";
  if (scope.accountIds === "all") return asked;
  if (asked === "all") return scope.accountIds;
  const mine = new Set(scope.accountIds);
  return asked.filter((a) => mine.has(a));
}

/** A rollup column for a position of the "In use only" switch: in use, idle, or both. */
function column(mode: InUseMode, alias: string, name: string): string {
  return mode === "only" ? `${alias}.${name}` : mode === "idle" ? `${alias}.${name}_idle` : `(${alias}.${name} + ${alias}.${name}_idle)`;
}

/** The group's counts from the rollup row `alias`: every severity, or only critical and/or high. */
function countsFor(mode: InUseMode, severities: string[], alias: string) {
  const col = (name: string) => column(mode, alias, name);
  // The same cells an account count sums (keyCellsSum): a group's count and its accounts agree.
  const count = keyCellsSum(mode, severities, alias);
  if (!severities.length) return { count, critical: col("critical"), high: col("high"), exploitable: col("exploitable") };
  const critical = severities.includes("CRITICAL"), high = severities.includes("HIGH");
  const sum = (parts: (string | false)[]) => parts.filter(Boolean).join(" + ") || "0";
  return {
    count,
    critical: critical ? col("critical") : "0",
    high: high ? col("high") : "0",
    exploitable: sum([critical && col("exploitable_critical"), high && col("exploitable_high")]),
  };
}

/** Each shown group's label and best score (see groupKeysFromRollups), over the groups `g`. */
function shownGroupsSql(g: Prisma.Sql, accounts: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH g AS (${g})
    SELECT g.key, top.title AS label, g.count, g.critical, g.high, g.exploitable, (${accounts})::int AS accounts,
      CASE WHEN top.score IS NOT NULL THEN top.score ELSE (SELECT f.inspector_score FROM findings f
        WHERE f.finding_key BETWEEN g.key AND g.key AND ${where} AND f.inspector_score IS NOT NULL
        ORDER BY f.finding_key, f.status, f.inspector_score DESC, f.id LIMIT 1) END AS max_score, g.total_groups
    FROM g
    LEFT JOIN LATERAL (SELECT f.title, f.inspector_score AS score FROM findings f WHERE f.finding_key = g.key AND ${where}
      ORDER BY f.finding_key, f.status, f.inspector_score DESC, f.id LIMIT 1) top ON TRUE
    ORDER BY g.critical DESC, g.high DESC, g.count DESC, g.key ASC`;
}

/** `where` is the filter's WHERE over `findings f` (findingsWhere, with the viewer's scope), for the
 *  shown groups' top findings: each the first of its key's findings in
 *  findings_finding_key_status_inspector_score_id_idx, which gives the label and, as unscored findings
 *  come first there, the best score unless it has none. Only then is the best score read on its own,
 *  from the key's scored findings in that index: the key as a range ("BETWEEN g.key AND g.key") keeps
 *  the planner there. Given the key by "=", the severity index gave the same order (score within one
 *  status and severity) and the planner walked every open critical's entry of it for such a group
 *  (45 ms a group on a synced 10M cache, whose critical groups included 6 of 17 with no scored
 *  finding: the page 272 ms, 7 ms by the key's range).
 *  - Every account: the region rollup's rows, with their account count for the severities and the
 *    switch's position.
 *  - Some accounts (a scoped viewer, an account filter): their rows of open_key_rollups summed, each
 *    row one account. Joined from the region's keys, so a few accounts are a few primary-key reads per
 *    key (10 of 5,000 accounts at 10M: 74 ms, where a scan of the table took 480 ms); for many the
 *    planner scans instead (2,500: ~500 ms, against 5.8 s counted over the findings).
 *  - A viewer's scope of SUMMED_AHEAD_MIN_ACCOUNTS or more, with no account filter: the scope's sums
 *    (scope-key-rollups.ts) while they are current, read like the region rollup's rows. */
export async function groupKeysFromRollups(scope: Scope, filter: ResolvedFilter, where: Prisma.Sql) {
  const mode = filter.inUse ?? defaultInUse;
  const severities = [...new Set(filter.severity)];
  const region = filter.region[0] ?? "";
  const accountIds = accountsOf(scope, filter);
  const shape = (rows: FindingGroupRow[]) => ({ groups: rows.map(({ total_groups: _t, ...r }) => r), totalGroups: rows[0]?.total_groups ?? 0 });
  if (accountIds === "all") {
    return shape(await queryRows<FindingGroupRow>(summedGroupsSql(Prisma.sql`open_key_region_rollups r WHERE r.region = ${region}`, { mode, severities, limit: filter.limit }, where)));
  }
  const ahead = summedAheadAccounts(scope, filter.account);
  if (ahead) {
    // The scope's sums, when current: checked and read in one snapshot.
    const hash = scopeHash(ahead);
    const rows = await inOneSnapshot(async (read) => (await read(sumsCurrentSql(hash))).length
      ? read<FindingGroupRow>(summedGroupsSql(Prisma.sql`scope_key_rollups r WHERE r.scope_hash = ${hash} AND r.region = ${region}`, { mode, severities, limit: filter.limit }, where))
      : null);
    if (rows) return shape(rows);
    await noteScopeAsked(ahead).catch((err) => log().warn({ component: "scope-key-rollups", kind: internalErrorKind(err) }, "recording a scope to sum ahead failed"));
  }
  const c = countsFor(mode, severities, "k");
  return shape(await queryRows<FindingGroupRow>(shownGroupsSql(Prisma.sql`
    SELECT k.finding_key AS key, sum(${Prisma.raw(c.count)})::int AS count, sum(${Prisma.raw(c.critical)})::int AS critical,
      sum(${Prisma.raw(c.high)})::int AS high, sum(${Prisma.raw(c.exploitable)})::int AS exploitable,
      (count(*) FILTER (WHERE ${Prisma.raw(c.count)} > 0))::int AS accounts, (count(*) OVER ())::int AS total_groups
    FROM open_key_region_rollups r
    JOIN open_key_rollups k ON k.finding_key = r.finding_key AND k.region = r.region AND k.account_id = ANY(${accountIds}::varchar[])
    WHERE r.region = ${region}
    GROUP BY k.finding_key HAVING sum(${Prisma.raw(c.count)}) > 0
    ORDER BY critical DESC, high DESC, count DESC, key ASC
    LIMIT ${filter.limit}`, Prisma.sql`g.accounts`, where)));
}

/** The groups from rows already summed over accounts (`source`: a table aliased r and its WHERE), with
 *  their account counts. */
function summedGroupsSql(source: Prisma.Sql,
  { mode, severities, limit }: { mode: InUseMode; severities: string[]; limit: number }, where: Prisma.Sql): Prisma.Sql {
  const c = countsFor(mode, severities, "r");
  const accounts = Prisma.raw(`r.${accountsColumn(mode, severities)}`);
  return shownGroupsSql(Prisma.sql`
    SELECT r.finding_key AS key, (${Prisma.raw(c.count)})::int AS count, (${Prisma.raw(c.critical)})::int AS critical, (${Prisma.raw(c.high)})::int AS high,
      (${Prisma.raw(c.exploitable)})::int AS exploitable, ${accounts} AS accounts, (count(*) OVER ())::int AS total_groups
    FROM ${source} AND (${Prisma.raw(c.count)}) > 0
    ORDER BY critical DESC, high DESC, count DESC, key ASC
    LIMIT ${limit}`, Prisma.sql`g.accounts`, where);
}
