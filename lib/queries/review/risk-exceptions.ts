// Risk exceptions as a meeting sees them: expiring (before the next meeting, the meeting day
// included), expired within the last weeks, and active; each with the open findings it covers.
// Read on the primary: the list is shown again right after an exception is saved or revoked.
import { lifecycleStatuses } from "@/lib/domain/lifecycle";
import { addDays } from "@/lib/review/day";
import { exceptionStatus, expiryDay } from "@/lib/review/exceptions";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, seesWholeOrg, type Scope } from "@/lib/queries/scope";
import { exceptionCoversSql } from "./exception-sql";
import { openAtSql } from "@/lib/queries/lifecycle-sql";
import type { ExceptionRow, ExceptionsSection } from "./review-types";

/** Expired exceptions stay in the review for this long after they ran out. */
export const EXPIRED_LOOKBACK_DAYS = 28;

type Row = Omit<ExceptionRow, "createdAt" | "expiresAt" | "revokedAt" | "approvedAt" | "status" | "href" | "expiryDay"> & {
  createdAt: Date; expiresAt: Date; revokedAt: Date | null; approvedAt: Date | null; arnResource: string | null; arnCve: string | null;
};

export async function riskExceptions(scope: Scope, asOf: Date): Promise<ExceptionsSection> {
  const rows = await queryRows<Row>(Prisma.sql`
    SELECT e.public_id::text AS id, e.approved_by AS "approvedBy", e.approved_at AS "approvedAt", e.finding_arn AS "findingArn", e.vulnerability_id AS "vulnerabilityId", e.resource_ids AS "resourceIds",
      e.reason, e.owner, e.created_by AS "createdBy", e.created_at AS "createdAt", e.expires_at AS "expiresAt", e.revoked_at AS "revokedAt",
      t.resource_id AS "arnResource", t.vulnerability_id AS "arnCve",
      (SELECT count(*) FROM findings f WHERE ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${openAtSql("f", asOf)}
        AND ${exceptionCoversSql(Prisma.sql`e`, Prisma.sql`f`)})::int AS findings
    FROM risk_exceptions e LEFT JOIN findings t ON t.arn = e.finding_arn
    WHERE e.created_at <= ${asOf} AND (e.revoked_at IS NULL OR e.revoked_at > ${asOf})
      AND e.expires_at >= ${addDays(asOf, -EXPIRED_LOOKBACK_DAYS)}
    ORDER BY e.expires_at, e.created_at, e.id`, "primary");
  const out: ExceptionsSection = { expiring: [], expired: [], active: [] };
  for (const r of rows) {
    // A narrowed scope hides exceptions that cover none of its findings.
    if (!seesWholeOrg(scope) && r.findings === 0) continue;
    const status = exceptionStatus(r, asOf);
    const { arnResource, arnCve, ...rest } = r;
    const row: ExceptionRow = {
      ...rest,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
      approvedAt: r.approvedAt?.toISOString() ?? null,
      expiryDay: expiryDay(r),
      status,
      href: exceptionHref(r.findingArn ? { vulnerabilityId: arnCve, resourceIds: arnResource ? [arnResource] : [] } : r),
    };
    if (status === "expiring" || status === "expired" || status === "active") out[status].push(row);
  }
  out.expired.reverse(); // most recently expired first
  return out;
}

/** Explorer link to what the exception covers (a finding by ARN links by its resource and CVE). */
export function exceptionHref(e: { vulnerabilityId: string | null; resourceIds: string[] }): string {
  const status = [...lifecycleStatuses];
  if (e.resourceIds.length === 1) return findingsHref({ cve: e.vulnerabilityId ?? undefined, resource: e.resourceIds[0], status });
  return findingsHref({ cve: e.vulnerabilityId ?? undefined, status });
}
