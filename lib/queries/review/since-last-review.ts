// What changed between two meetings, each group and item linked into the explorer. "Became
// exploitable" needs an EXPLOITABLE event and "lost coverage" ignores what the first completed
// sync recorded: at first sight the cache cannot tell an old gap or exploit from a new one.
import { severityLabel, type Severity } from "@/lib/domain/severity";
import { lifecycleStatuses } from "@/lib/domain/lifecycle";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import type { ReviewAccount } from "./review-accounts";
import { wentDark } from "./went-dark";
import { lastObservationBetween } from "./observations";
import type { ChangeGroup, ChangeItem, SinceLastReview } from "./review-types";
import { inUseParam, type InUseMode } from "@/lib/domain/in-use";
import { findingsWhere } from "@/lib/queries/findings/findings-where";
import { findingsFilterSchema, type FindingsFilterInput } from "@/lib/queries/findings/findings-filter";
import { findingHref } from "@/lib/queries/findings/findings-href";

const SAMPLE = 10;

/** The accounts' findings in the explorer, up to 100 ids in the URL (a longer one can pass a
 *  server's header limit); past that a cut list would show fewer accounts than the count says, so
 *  the link goes to the accounts page, where every account's sync state shows. */
export function wentDarkHref(accountIds: string[]): string {
  return accountIds.length <= 100 ? findingsHref({ account: accountIds }) : "/accounts";
}
const allStatuses = [...lifecycleStatuses];

type FindingRow = { arn: string; title: string; severity: Severity; accountId: string; resourceId: string; vulnerabilityId: string | null; total: number };

const findingCols = Prisma.sql`f.arn, f.title, f.severity, f.account_id AS "accountId", f.resource_id AS "resourceId",
  f.vulnerability_id AS "vulnerabilityId", count(*) OVER ()::int AS total`;

function findingItem(r: FindingRow, names: Map<string, string>): ChangeItem {
  return {
    key: r.arn,
    label: r.vulnerabilityId && !r.title.startsWith(r.vulnerabilityId) ? `${r.vulnerabilityId} — ${r.title}` : r.title,
    detail: `${severityLabel[r.severity] ?? r.severity} · ${names.get(r.accountId) ?? r.accountId} · ${r.resourceId}`,
    href: findingHref(r.arn),
  };
}

function group(rows: FindingRow[], href: string, names: Map<string, string>): ChangeGroup {
  return { count: rows[0]?.total ?? 0, href, items: rows.map((r) => findingItem(r, names)) };
}

/** A group's findings as the explorer filter its link opens: the count and the list are one set. */
function explorerSet(scope: Scope, input: FindingsFilterInput): { where: Prisma.Sql; href: string } {
  return { where: findingsWhere(scope, findingsFilterSchema.parse(input)), href: findingsHref(input) };
}

const bySeverity = Prisma.sql`array_position(ARRAY['CRITICAL','HIGH','MEDIUM','LOW'], f.severity::text)`;

export async function sinceLastReview(
  scope: Scope, window: { from: Date; to: Date }, accounts: ReviewAccount[], previousDark: string[] | null, mode: InUseMode = "only",
): Promise<SinceLastReview> {
  const { from, to } = window;
  // Every findings group honours the "In use only" switch (the image's usage now); coverage and dark
  // accounts are not findings. Each group is an explorer filter over the window's exact instants
  // (previous meeting, this meeting], so its link opens the findings it counts.
  const inUse = inUseParam(mode);
  const names = new Map(accounts.map((a) => [a.id, a.name ?? a.id]));
  const grp = (rows: FindingRow[], href: string) => group(rows, href, names);
  const win = { from: from.toISOString(), to: to.toISOString() };
  const groups = {
    fresh: explorerSet(scope, { severity: ["CRITICAL", "HIGH"], status: allStatuses, firstSeenFrom: win.from, firstSeenTo: win.to, inUse }),
    fixed: explorerSet(scope, { status: ["CLOSED"], closedFrom: win.from, closedTo: win.to, closure: "remediated", inUse }),
    removed: explorerSet(scope, { status: ["CLOSED"], closedFrom: win.from, closedTo: win.to, closure: "removed", inUse }),
    reopened: explorerSet(scope, { status: allStatuses, reopenedFrom: win.from, reopenedTo: win.to, inUse }),
    exploitable: explorerSet(scope, { status: allStatuses, becameExploitableFrom: win.from, becameExploitableTo: win.to, inUse }),
  };
  const sample = (where: Prisma.Sql, order: Prisma.Sql) =>
    queryRows<FindingRow>(Prisma.sql`SELECT ${findingCols} FROM findings f WHERE ${where} ORDER BY ${order}, f.arn LIMIT ${SAMPLE}`);
  const [fresh, severities, fixed, removed, reopened, exploitable, lost, dark, synced] = await Promise.all([
    sample(groups.fresh.where, Prisma.sql`f.severity, f.first_observed_at DESC`),
    queryRows<{ severity: string; n: number }>(Prisma.sql`SELECT f.severity, count(*)::int AS n FROM findings f WHERE ${groups.fresh.where} GROUP BY f.severity`),
    sample(groups.fixed.where, Prisma.sql`${bySeverity}, f.closed_at DESC`),
    sample(groups.removed.where, Prisma.sql`${bySeverity}, f.closed_at DESC`),
    sample(groups.reopened.where, bySeverity),
    sample(groups.exploitable.where, Prisma.sql`${bySeverity}, f.exploit_since DESC`),
    queryRows<{ accountId: string; region: string; resourceId: string; resourceType: string; scanType: string; reason: string | null; total: number }>(Prisma.sql`
      SELECT c.account_id AS "accountId", c.region, c.resource_id AS "resourceId", c.resource_type AS "resourceType",
        c.scan_type AS "scanType", c.scan_status_reason AS reason, count(*) OVER ()::int AS total
      FROM covered_resources c WHERE ${scopeWhere(scope, Prisma.sql`c.account_id`)}
        AND c.scan_status_code = 'INACTIVE' AND c.inactive_since > ${from} AND c.inactive_since <= ${to}
        AND c.inactive_since > coalesce((SELECT min(finished_at) FROM sync_runs WHERE outcome <> 'FAILED'), '-infinity')
      ORDER BY c.inactive_since DESC, c.resource_id LIMIT ${SAMPLE}`),
    wentDark(scope, window, previousDark),
    lastObservationBetween(from, to),
  ]);
  const count = (s: string) => severities.find((r) => r.severity === s)?.n ?? 0;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    lastSyncInWindow: synced?.toISOString() ?? null,
    newCriticalHigh: {
      ...grp(fresh, groups.fresh.href),
      count: count("CRITICAL") + count("HIGH"),
      critical: count("CRITICAL"),
      high: count("HIGH"),
    },
    fixed: grp(fixed, groups.fixed.href),
    removed: grp(removed, groups.removed.href),
    reopened: grp(reopened, groups.reopened.href),
    becameExploitable: grp(exploitable, groups.exploitable.href),
    lostCoverage: {
      count: lost[0]?.total ?? 0,
      href: "/coverage",
      items: lost.map((r) => ({
        key: `${r.region}/${r.resourceId}/${r.scanType}`,
        label: r.resourceId,
        detail: `${r.scanType} scan · ${r.reason ?? "inactive"} · ${names.get(r.accountId) ?? r.accountId} · ${r.region}`,
        href: findingsHref({ resource: r.resourceId, account: [r.accountId] }),
      })),
    },
    wentDark: {
      count: dark.wentDark.length,
      href: wentDarkHref(dark.wentDark.map((d) => d.accountId)),
      items: dark.wentDark.slice(0, SAMPLE * 2).map((d) => ({
        key: d.accountId,
        label: names.get(d.accountId) ?? d.accountId,
        detail: `${d.accountId} · ${d.why}`,
        href: findingsHref({ account: [d.accountId] }),
      })),
    },
    darkNow: dark.darkNow,
  };
}
