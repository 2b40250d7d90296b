// "Accounts that went dark": an account-region we can no longer see (access denied, Inspector
// disabled or suspended, sync error) that was not dark at the previous frozen review, or an
// account whose scanned resources dropped from some to none between the two meetings, or one that
// left Inspector or the organization (or was suspended) between them.
import { toDay } from "@/lib/review/day";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { accountActiveSql } from "@/lib/queries/accounts/account-lifecycle";
import { accountLifecycleLabel, type AccountLifecycle } from "@/lib/domain/lifecycle";

export interface DarkAccount {
  accountId: string;
  why: string;
}

export async function wentDark(scope: Scope, window: { from: Date; to: Date }, previousDark: string[] | null) {
  const [regions, coverage, departed] = await Promise.all([
    queryRows<{ accountId: string; region: string; why: string }>(Prisma.sql`
      SELECT r.account_id AS "accountId", r.region,
        CASE WHEN r.sync_status IN ('ACCESS_DENIED','INSPECTOR_DISABLED','ERROR') THEN r.sync_status
             ELSE 'INSPECTOR_' || r.inspector_status END AS why
      FROM account_regions r WHERE ${scopeWhere(scope, Prisma.sql`r.account_id`)}
        AND (r.sync_status IN ('ACCESS_DENIED','INSPECTOR_DISABLED','ERROR') OR r.inspector_status IN ('DISABLED','SUSPENDED'))
      ORDER BY r.account_id, r.region`),
    queryRows<{ accountId: string }>(Prisma.sql`
      WITH before AS (
        SELECT account_id, sum(active) AS active FROM coverage_snapshots
        WHERE day = (SELECT max(day) FROM coverage_snapshots WHERE day <= ${toDay(window.from)}::date)
        GROUP BY account_id),
      after AS (
        SELECT account_id, sum(active) AS active FROM coverage_snapshots
        WHERE day = (SELECT max(day) FROM coverage_snapshots WHERE day <= ${toDay(window.to)}::date AND day > ${toDay(window.from)}::date)
        GROUP BY account_id)
      SELECT b.account_id AS "accountId" FROM before b LEFT JOIN after a USING (account_id)
      WHERE ${scopeWhere(scope, Prisma.sql`b.account_id`)} AND b.active > 0 AND coalesce(a.active, 0) = 0
        AND EXISTS (SELECT 1 FROM after)`),
    // Accounts that left Inspector or the organization, or were suspended, between the meetings.
    queryRows<{ accountId: string; lifecycle: AccountLifecycle }>(Prisma.sql`
      SELECT a.id AS "accountId", a.lifecycle FROM accounts a WHERE ${scopeWhere(scope, Prisma.sql`a.id`)} AND NOT ${accountActiveSql("a")}
        AND a.lifecycle_since > ${window.from} AND a.lifecycle_since <= ${window.to} ORDER BY a.id`),
  ]);
  const darkNow = regions.map((r) => `${r.accountId}/${r.region}`);
  const before = new Set(previousDark ?? []);
  const out = new Map<string, string[]>();
  const add = (id: string, why: string) => out.set(id, [...(out.get(id) ?? []), why]);
  for (const r of regions) if (!before.has(`${r.accountId}/${r.region}`)) add(r.accountId, `${r.region}: ${r.why.toLowerCase().replaceAll("_", " ")}`);
  for (const c of coverage) add(c.accountId, "no resources scanned any more");
  for (const d of departed) add(d.accountId, (accountLifecycleLabel[d.lifecycle] ?? d.lifecycle).toLowerCase());
  return {
    darkNow,
    wentDark: [...out.entries()].map(([accountId, why]): DarkAccount => ({ accountId, why: why.join("; ") })),
  };
}
