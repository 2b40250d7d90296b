// The one SQL definition of a finding's lifecycle (lib/domain/lifecycle.ts): open, suppressed,
// closed, gone. Every count in lib/queries and the sync's snapshot and integrity counts build
// their status predicates here; nothing else writes `status = '…'`.
import { Prisma } from "@/lib/generated/prisma/client";
import { GONE_STATUS, OPEN_STATUS, type LifecycleStatus } from "@/lib/domain/lifecycle";

export type Lifecycle = "open" | "suppressed" | "closed" | "gone";
export const lifecycleStatus: Record<Lifecycle, LifecycleStatus> = { open: OPEN_STATUS, suppressed: "SUPPRESSED", closed: "CLOSED", gone: GONE_STATUS };

const column = (alias?: string) => {
  if (alias !== undefined && !/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return alias ? `${alias}.status` : "status";
};

/** `f.status = <the state's status>` as text, for the sync's plain pg queries (constants only, no input). */
export function lifecycleText(state: Lifecycle, alias?: string): string {
  return `${column(alias)} = '${lifecycleStatus[state]}'`;
}

/** Inspector's last word was `state`: the status itself, or a GONE row that went gone from it. */
export function lastSaidText(state: Exclude<Lifecycle, "gone">, alias?: string): string {
  const from = alias ? `${alias}.gone_from_status` : "gone_from_status";
  return `(${lifecycleText(state, alias)} OR (${lifecycleText("gone", alias)} AND ${from} = '${lifecycleStatus[state]}'))`;
}

/** The same predicate as a Prisma.sql fragment. */
export function lifecycleSql(state: Lifecycle, alias?: string): Prisma.Sql {
  return Prisma.raw(lifecycleText(state, alias));
}

/** Open findings: Inspector says ACTIVE and still reports it (GONE rows never count). */
export const openSql = (alias?: string) => lifecycleSql("open", alias);

/** The explorer's status filter: one value compared with "=" (ordered index walks), else ANY. */
export function statusInSql(alias: string, statuses: readonly LifecycleStatus[]): Prisma.Sql {
  const col = Prisma.raw(column(alias));
  if (statuses.length === 1) return Prisma.sql`${col} = ${statuses[0]}`;
  return Prisma.sql`${col} = ANY(${[...statuses]}::text[])`;
}

/** A STATUS event from one lifecycle state to another (e.g. reopened: closed → open). */
export function statusEventSql(alias: string, from: Lifecycle | null, to: Lifecycle): Prisma.Sql {
  const e = Prisma.raw(alias);
  const fromSql = from ? Prisma.sql` AND ${e}.from_value = ${lifecycleStatus[from]}` : Prisma.empty;
  return Prisma.sql`(${e}.kind = 'STATUS'${fromSql} AND ${e}.to_value = ${lifecycleStatus[to]})`;
}

/** An event that made a finding exploitable (exploit available → YES): the review's "became exploitable". */
export function becameExploitableEventSql(alias: string): Prisma.Sql {
  const e = Prisma.raw(alias);
  return Prisma.sql`(${e}.kind = 'EXPLOITABLE' AND ${e}.to_value = 'YES')`;
}

/** Open at a past instant (a value, or an SQL expression such as a per-row day's end): observed
 *  by then and open now, or closed / gone only after it. */
export function openAtSql(alias: string, asOf: Date | Prisma.Sql): Prisma.Sql {
  const f = Prisma.raw(alias);
  const closedAfter = Prisma.sql`${f}.closed_at > ${asOf}`;
  return Prisma.sql`(${f}.first_observed_at <= ${asOf} AND (${lifecycleSql("open", alias)}
    OR (${lifecycleSql("closed", alias)} AND ${closedAfter})
    OR (${lifecycleSql("gone", alias)} AND ${f}.gone_at > ${asOf}
      AND (${f}.gone_from_status = ${OPEN_STATUS} OR (${f}.gone_from_status = ${lifecycleStatus.closed} AND ${closedAfter})))))`;
}
