// Risk exceptions that could pass these findings: by finding ARN or by CVE, approved (four-eyes) and
// unrevoked. Validity in time (created, unexpired) and resource matching are the pure decision's (lib/review/exceptions.ts).
import { db } from "@/lib/db/client";
import type { GateException, GateFinding } from "@/lib/gate/types";

export async function exceptionsFor(findings: Pick<GateFinding, "arn" | "vulnerabilityId">[]): Promise<GateException[]> {
  if (!findings.length) return [];
  const arns = findings.map((f) => f.arn);
  const cves = [...new Set(findings.map((f) => f.vulnerabilityId).filter((v): v is string => !!v))];
  const { rows } = await db().pool.query(
    `SELECT id, finding_arn, vulnerability_id, resource_ids, owner, reason, created_at, expires_at, revoked_at FROM risk_exceptions
     WHERE revoked_at IS NULL AND approved_at IS NOT NULL AND (finding_arn = ANY($1::text[]) OR vulnerability_id = ANY($2::text[])) ORDER BY id`,
    [arns, cves],
  );
  return rows.map((r) => ({
    id: r.id, findingArn: r.finding_arn, vulnerabilityId: r.vulnerability_id, resourceIds: r.resource_ids, owner: r.owner, reason: r.reason,
    createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
  }));
}
