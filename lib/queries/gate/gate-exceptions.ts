// Risk exceptions that could pass these findings: by finding ARN, or by a finding's key or one of
// its aliases matching the exception's vulnerability or one of the exception's aliases; approved
// (four-eyes) and unrevoked. Validity in time and resource matching are the pure decision's
// (lib/review/exceptions.ts exceptionCovers, shared with the review and the explorer).
// Within a narrowed scope only the exceptions the review shows that scope: those covering at least
// one cached finding of its accounts (exceptionCoversSql, the review's rule). An exception whose
// findings all lie in other accounts never reaches a scoped caller, whatever findings it sends.
// On the primary (db()): a revoked exception must stop passing findings at once, not after replica lag.
import { db } from "@/lib/db/client";
import type { GateException, GateFinding } from "@/lib/gate/types";
import { exceptionCoversSql } from "@/lib/queries/review/exception-sql";
import { seesWholeOrg, type Scope } from "@/lib/queries/scope";
import { Prisma } from "@/lib/queries/sql";

export async function exceptionsFor(findings: Pick<GateFinding, "arn" | "findingKey" | "relatedVulnerabilities">[], scope: Scope): Promise<GateException[]> {
  if (!findings.length) return [];
  const arns = findings.map((f) => f.arn);
  const keys = [...new Set(findings.flatMap((f) => [f.findingKey, ...f.relatedVulnerabilities]).filter(Boolean))];
  // The redundant first line (implied by the coverage rule) lets the planner reach findings by index.
  const reachesScope = seesWholeOrg(scope) ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT 1 FROM findings f
      WHERE (f.arn = e.finding_arn OR f.finding_key = e.vulnerability_id OR f.finding_key = ANY(e.aliases)
          OR f.related_vulnerabilities && (ARRAY[e.vulnerability_id] || coalesce(e.aliases, '{}')))
        AND f.account_id = ANY(${scope.accountIds as string[]}::text[]) AND ${exceptionCoversSql(Prisma.sql`e`, Prisma.sql`f`)})`;
  const q = Prisma.sql`SELECT e.public_id::text AS id, e.finding_arn, e.vulnerability_id, coalesce(e.aliases, '{}') AS aliases, e.resource_ids, e.owner, e.reason,
      e.created_at, e.expires_at, e.revoked_at
    FROM risk_exceptions e
    WHERE e.revoked_at IS NULL AND e.approved_at IS NOT NULL
      AND (e.finding_arn = ANY(${arns}::text[]) OR e.vulnerability_id = ANY(${keys}::text[]) OR e.aliases && ${keys}::text[])
      AND ${reachesScope}
    ORDER BY e.id`;
  const { rows } = await db().pool.query(q.text, q.values as unknown[]);
  return rows.map((r) => ({
    id: r.id, findingArn: r.finding_arn, vulnerabilityId: r.vulnerability_id, aliases: r.aliases, resourceIds: r.resource_ids, owner: r.owner,
    reason: r.reason, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
  }));
}
