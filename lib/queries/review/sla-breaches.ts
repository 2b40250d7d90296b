// SLA breaches and findings about to breach, by account and owner, as of a meeting. Findings
// under a valid risk exception leave the counts but are returned, flagged, so they stay visible.
import type { Severity } from "@/lib/domain/severity";
import { addDays } from "@/lib/review/day";
import { DUE_SOON_DAYS, type SlaPolicy } from "@/lib/review/sla";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { exceptionCoversSql, exceptionValidSql } from "./exception-sql";
import { openAtSql } from "@/lib/queries/lifecycle-sql";
import { kevDueSql } from "@/lib/queries/kev/kev-sql";
import { slaUsesKevDue } from "@/lib/queries/kev/kev-sla-setting";
import { inUseSql } from "@/lib/queries/in-use-sql";
import type { InUseMode } from "@/lib/domain/in-use";
import type { ReviewAccount } from "./review-accounts";
import type { SlaAccountRow, SlaCounts, SlaFinding, SlaOwnerRow, SlaSection } from "./review-types";

const FINDINGS_CAP = 100;
const EXCEPTED_CAP = 50;

function slaFindingsCte(scope: Scope, asOf: Date, policy: SlaPolicy, useKevDue: boolean, inUse: InUseMode): Prisma.Sql {
  const entries = Object.entries(policy).filter(([, d]) => d != null) as [Severity, number][];
  const days = Prisma.join(entries.map(([s, d]) => Prisma.sql`WHEN ${s} THEN ${d}::int`), " ");
  const severities = entries.map(([s]) => s);
  const bySeverity = Prisma.sql`f.first_observed_at + make_interval(days => CASE f.severity ${days} END)`;
  return Prisma.sql`sla AS (
    SELECT f.arn, f.title, f.severity, f.account_id, f.resource_id, f.vulnerability_id, f.first_observed_at,
      ${useKevDue ? Prisma.sql`LEAST(${bySeverity}, ${kevDueSql("f")})` : bySeverity} AS due_at,
      EXISTS (SELECT 1 FROM risk_exceptions e WHERE ${exceptionValidSql(Prisma.sql`e`, asOf)}
        AND ${exceptionCoversSql(Prisma.sql`e`, Prisma.sql`f`)}) AS excepted
    FROM findings f
    WHERE ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND f.severity = ANY(${severities}::text[]) AND ${openAtSql("f", asOf)} AND ${inUseSql(inUse, "f")})`;
}

export async function slaBreaches(scope: Scope, asOf: Date, policy: SlaPolicy, accounts: ReviewAccount[], dueSoonDays = DUE_SOON_DAYS,
  useKevDue = slaUsesKevDue(), inUse: InUseMode = "only"): Promise<SlaSection> {
  if (!Object.values(policy).some((d) => d != null)) return emptySection(policy, dueSoonDays);
  const soon = addDays(asOf, dueSoonDays);
  const cte = slaFindingsCte(scope, asOf, policy, useKevDue, inUse);
  const [counts, open, excepted] = await Promise.all([
    queryRows<{ accountId: string; breached: number; dueSoon: number; excepted: number }>(Prisma.sql`
      WITH ${cte}
      SELECT account_id AS "accountId",
        count(*) FILTER (WHERE NOT excepted AND due_at < ${asOf})::int AS breached,
        count(*) FILTER (WHERE NOT excepted AND due_at >= ${asOf} AND due_at < ${soon})::int AS "dueSoon",
        count(*) FILTER (WHERE excepted AND due_at < ${soon})::int AS excepted
      FROM sla GROUP BY account_id`),
    slaFindingRows(cte, soon, false, FINDINGS_CAP),
    slaFindingRows(cte, soon, true, EXCEPTED_CAP),
  ]);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const byAccount: SlaAccountRow[] = counts
    .filter((c) => c.breached + c.dueSoon + c.excepted > 0)
    .map((c) => {
      const a = byId.get(c.accountId);
      return { ...c, accountName: a?.name ?? null, owner: a?.owner ?? "Unowned", ouName: a?.ouName ?? null };
    })
    .sort((x, y) => y.breached - x.breached || y.dueSoon - x.dueSoon || x.accountId.localeCompare(y.accountId));
  const findings: SlaFinding[] = [...open, ...excepted].map((r) => ({
    ...r,
    accountName: byId.get(r.accountId)?.name ?? null,
    owner: byId.get(r.accountId)?.owner ?? "Unowned",
    firstObservedAt: new Date(r.firstObservedAt).toISOString(),
    dueAt: new Date(r.dueAt).toISOString(),
    state: new Date(r.dueAt) < asOf ? "breached" : "due-soon",
  }));
  return { policy, dueSoonDays, totals: sum(byAccount), byAccount, byOwner: byOwner(byAccount), findings };
}

type SlaFindingRow = { arn: string; title: string; severity: Severity; accountId: string; resourceId: string; vulnerabilityId: string | null; firstObservedAt: Date; dueAt: Date; excepted: boolean };

/** Breached and due-soon findings, most overdue first; excepted ones listed apart so they stay visible. */
function slaFindingRows(cte: Prisma.Sql, soon: Date, excepted: boolean, cap: number) {
  return queryRows<SlaFindingRow>(Prisma.sql`
    WITH ${cte}
    SELECT arn, title, severity, account_id AS "accountId", resource_id AS "resourceId", vulnerability_id AS "vulnerabilityId",
      first_observed_at AS "firstObservedAt", due_at AS "dueAt", excepted
    FROM sla WHERE due_at < ${soon} AND excepted = ${excepted}
    ORDER BY due_at, arn LIMIT ${cap}`);
}

function sum(rows: SlaCounts[]): SlaCounts {
  return rows.reduce((t, r) => ({ breached: t.breached + r.breached, dueSoon: t.dueSoon + r.dueSoon, excepted: t.excepted + r.excepted }), { breached: 0, dueSoon: 0, excepted: 0 });
}

function byOwner(rows: SlaAccountRow[]): SlaOwnerRow[] {
  const groups = new Map<string, SlaAccountRow[]>();
  for (const r of rows) groups.set(r.owner, [...(groups.get(r.owner) ?? []), r]);
  return [...groups.entries()]
    .map(([owner, rs]) => ({ owner, accountIds: rs.map((r) => r.accountId), ...sum(rs) }))
    .sort((x, y) => y.breached - x.breached || y.dueSoon - x.dueSoon || x.owner.localeCompare(y.owner));
}

function emptySection(policy: SlaPolicy, dueSoonDays: number): SlaSection {
  return { policy, dueSoonDays, totals: { breached: 0, dueSoon: 0, excepted: 0 }, byAccount: [], byOwner: [], findings: [] };
}
