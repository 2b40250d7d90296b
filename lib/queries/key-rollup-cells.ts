// The CVE groups' rollups (open_key_rollups and their sums over accounts) cell by cell: which cells a
// count of severities sums in a position of the "In use only" switch, the account-count columns, and
// each table's recount from the shared definitions of "open" and "idle". Read by the explorer's CVE
// groups (lib/queries/findings/key-groups.ts, scope-key-rollups.ts) and checked against the findings
// after every full sync (lib/sync/integrity/rollup-check.ts).
import { lifecycleText } from "@/lib/queries/lifecycle-sql";
import type { InUseMode } from "@/lib/domain/in-use";

const KEY_VALUES = ["findings", "findings_idle", "critical", "critical_idle", "high", "high_idle", "exploitable", "exploitable_idle",
  "exploitable_critical", "exploitable_critical_idle", "exploitable_high", "exploitable_high_idle"] as const;
/** One pair of counts (in use, idle) over the open findings `f` with idle flag `i`. */
const keyCounts = (where: string) => [
  `(count(*) FILTER (WHERE NOT i${where}))::int`, `(count(*) FILTER (WHERE i${where}))::int`,
];

/** A key rollup row's cells for some severities (none: any; only critical and high are split out) in
 *  a position of the "In use only" switch, summed: a group's count, and, above zero, an account's. */
export function keyCellsSum(mode: InUseMode, severities: readonly string[], alias?: string): string {
  const names = severities.length ? (["critical", "high"] as const).filter((n) => severities.includes(n.toUpperCase())) : ["findings"];
  const cells = names.flatMap((n) => (mode === "only" ? [n] : mode === "idle" ? [`${n}_idle`] : [n, `${n}_idle`]));
  return cells.length ? `(${cells.map((c) => (alias ? `${alias}.${c}` : c)).join(" + ")})` : "0";
}

const MODE_SUFFIX: Record<InUseMode, string> = { only: "", idle: "_idle", all: "_all" };

/** The account-count column for the CVE groups of some severities (none: any) in a position of the
 *  switch: accounts, accounts_critical, accounts_high or accounts_severe (critical or high), each
 *  with its switch suffix. */
export function accountsColumn(mode: InUseMode, severities: readonly string[]): string {
  const critical = severities.includes("CRITICAL"), high = severities.includes("HIGH");
  return `accounts${critical && high ? "_severe" : critical ? "_critical" : high ? "_high" : ""}${MODE_SUFFIX[mode]}`;
}

/** The account counts kept beside the summed cells (the triggers of migrations *_open_key_rollups and
 *  *_key_rollups_severity_accounts): each column, and the cells whose sum above zero counts an account. */
const ACCOUNT_COUNTS = [[], ["CRITICAL"], ["HIGH"], ["CRITICAL", "HIGH"]].flatMap((severities) =>
  (["only", "idle", "all"] as const).map((mode) => [accountsColumn(mode, severities), keyCellsSum(mode, severities)] as const));

/** open_key_rollups summed over the accounts `where` keeps (a WHERE clause, "" for all), per key and
 *  region, with how many of them have such findings (ACCOUNT_COUNTS): the columns of
 *  open_key_region_rollups, and of a viewer's scope_key_rollups (lib/queries/findings/scope-key-rollups.ts). */
export const keyRollupsOverAccounts = (where: string) => `SELECT finding_key, region, ${KEY_VALUES.map((v) => `sum(${v})::int AS ${v}`).join(", ")},
    ${ACCOUNT_COUNTS.map(([name, cell]) => `(count(*) FILTER (WHERE ${cell} > 0))::int AS ${name}`).join(", ")}
  FROM open_key_rollups ${where} GROUP BY 1, 2`;

/** The CVE groups' rollups (migration *_open_key_rollups): per finding key x region x account from
 *  the open findings, and per key x account in '' (every region); then summed over accounts with the
 *  accounts that have any. Recounted from the shared definitions of "open" and "idle": the regions'
 *  cells first, then '' summed from them (half the rows to aggregate of counting each finding twice:
 *  the check after a full sync at 10M spent most of its time here). */
export const KEY_ROLLUPS = [
  {
    table: "open_key_rollups",
    keys: ["finding_key", "region", "account_id"],
    values: [...KEY_VALUES],
    recount: `WITH cells AS MATERIALIZED (SELECT f.finding_key, f.region, f.account_id,
        ${[...keyCounts(""), ...keyCounts(" AND severity = 'CRITICAL'"), ...keyCounts(" AND severity = 'HIGH'"), ...keyCounts(" AND exploit_available = 'YES'"),
          ...keyCounts(" AND exploit_available = 'YES' AND severity = 'CRITICAL'"), ...keyCounts(" AND exploit_available = 'YES' AND severity = 'HIGH'")]
          .map((c, n) => `${c} AS ${KEY_VALUES[n]}`).join(", ")}
      FROM (SELECT finding_key, region, account_id, severity, exploit_available,
              coalesce(resource_type = 'AWS_ECR_CONTAINER_IMAGE' AND in_use_count = 0, false) AS i
            FROM findings WHERE ${lifecycleText("open")}) f
      GROUP BY 1, 2, 3)
      SELECT * FROM cells
      UNION ALL
      SELECT finding_key, '' AS region, account_id, ${KEY_VALUES.map((v) => `sum(${v})::int AS ${v}`).join(", ")} FROM cells GROUP BY 1, 3`,
  },
  {
    table: "open_key_region_rollups",
    keys: ["finding_key", "region"],
    values: [...KEY_VALUES, ...ACCOUNT_COUNTS.map(([name]) => name)],
    recount: keyRollupsOverAccounts(""),
  },
] as const;
