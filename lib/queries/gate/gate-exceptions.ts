// Risk exceptions that could pass these findings: by finding ARN, or by a finding's key or one of
// its aliases matching the exception's vulnerability or one of the exception's aliases; approved
// (four-eyes) and unrevoked. Validity in time and resource matching are the pure decision's
// (lib/review/exceptions.ts exceptionCovers, shared with the review and the explorer).
import { db } from "@/lib/db/client";
import type { GateException, GateFinding } from "@/lib/gate/types";

export async function exceptionsFor(findings: Pick<GateFinding, "arn" | "findingKey" | "relatedVulnerabilities">[]): Promise<GateException[]> {
  if (!findings.length) return [];
  const arns = findings.map((f) => f.arn);
  const keys = [...new Set(findings.flatMap((f) => [f.findingKey, ...f.relatedVulnerabilities]).filter(Boolean))];
  const { rows } = await db().pool.query(
    `SELECT public_id::text AS id, finding_arn, vulnerability_id, coalesce(aliases, '{}') AS aliases, resource_ids, owner, reason, created_at, expires_at, revoked_at
     FROM risk_exceptions
     WHERE revoked_at IS NULL AND approved_at IS NOT NULL
       AND (finding_arn = ANY($1::text[]) OR vulnerability_id = ANY($2::text[]) OR aliases && $2::text[]) ORDER BY id`,
    [arns, keys],
  );
  return rows.map((r) => ({
    id: r.id, findingArn: r.finding_arn, vulnerabilityId: r.vulnerability_id, aliases: r.aliases, resourceIds: r.resource_ids, owner: r.owner,
    reason: r.reason, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
  }));
}
