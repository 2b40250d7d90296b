// Writes for risk exceptions, shared by the server actions and the JSON API. The target must
// exist in the cache: an exception for a finding or CVE we have never seen is a typo.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { exceptionInputSchema, fieldIssues, type FieldIssue } from "@/lib/review/exception-input";
import { expiryInstant } from "@/lib/review/exceptions";

export type WriteResult = { ok: true; id: number } | { ok: false; status: 400 | 404 | 409; issues: FieldIssue[] };

export async function createRiskException(input: unknown, now = new Date(), createdBy: string | null = null): Promise<WriteResult> {
  const parsed = exceptionInputSchema(now).safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: fieldIssues(parsed.error) };
  const v = parsed.data;
  const { pool, prisma } = db();
  if (v.findingArn) {
    const found = await pool.query(`SELECT 1 FROM findings WHERE arn = $1`, [v.findingArn]);
    if (!found.rowCount) return { ok: false, status: 400, issues: [{ field: "findingArn", message: "no finding with this ARN in the cache" }] };
  } else {
    const hit = await pool.query<{ resource_id: string }>(
      `SELECT DISTINCT resource_id FROM findings WHERE vulnerability_id = $1 AND ($2::text[] = '{}' OR resource_id = ANY($2::text[]))`,
      [v.vulnerabilityId, v.resourceIds],
    );
    if (!hit.rowCount) return { ok: false, status: 400, issues: [{ field: "vulnerabilityId", message: `no finding for ${v.vulnerabilityId} in the cache` }] };
    const known = new Set(hit.rows.map((r) => r.resource_id));
    const unknown = v.resourceIds.filter((r) => !known.has(r));
    if (unknown.length) return { ok: false, status: 400, issues: [{ field: "resourceIds", message: `not hit by ${v.vulnerabilityId}: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? " …" : ""}` }] };
  }
  const row = await prisma.riskException.create({
    data: {
      findingArn: v.findingArn ?? null,
      vulnerabilityId: v.vulnerabilityId ?? null,
      resourceIds: v.resourceIds,
      reason: v.reason,
      owner: v.owner,
      createdBy,
      createdAt: now,
      expiresAt: expiryInstant(v.expiresOn),
    },
  });
  return { ok: true, id: row.id };
}

export async function revokeRiskException(id: unknown, now = new Date()): Promise<WriteResult> {
  const parsed = z.coerce.number().int().positive().max(2 ** 31 - 1).safeParse(id);
  if (!parsed.success) return { ok: false, status: 400, issues: [{ field: "id", message: "expected a positive whole number" }] };
  const n = parsed.data;
  const r = await db().pool.query(`UPDATE risk_exceptions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [n, now]);
  if (r.rowCount) return { ok: true, id: n };
  const exists = await db().pool.query(`SELECT 1 FROM risk_exceptions WHERE id = $1`, [n]);
  return exists.rowCount
    ? { ok: false, status: 409, issues: [{ field: "id", message: "already revoked" }] }
    : { ok: false, status: 404, issues: [{ field: "id", message: "no such exception" }] };
}
