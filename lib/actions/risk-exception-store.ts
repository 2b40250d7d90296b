// Writes for risk exceptions, shared by the server actions and the JSON API. Each takes the actor
// and refuses what lies outside its scope exactly as it refuses what does not exist (404: never
// reveal a finding). Exceptions are addressed by a random public id; each change and its audit row
// commit together.
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/auth/audit";
import { exceptionInputSchema, fieldIssues } from "@/lib/review/exception-input";
import { expiryInstant } from "@/lib/review/exceptions";
import { refuse, scopeParams, type Refusal, type WriteContext } from "./write-context";
import { findVisibleException } from "./visible-exception";

export type WriteResult = { ok: true; id: string; approved: boolean } | Refusal;

const inScope = `($2::boolean OR account_id = ANY($3::text[]))`;

export async function createRiskException(ctx: WriteContext, input: unknown, approval = env().INSPECTORATE_EXCEPTION_APPROVAL): Promise<WriteResult> {
  const now = ctx.now ?? new Date();
  const parsed = exceptionInputSchema(now).safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: fieldIssues(parsed.error) };
  const v = parsed.data;
  const [all, ids] = scopeParams(ctx.actor.scope);
  return withTransaction(db().pool, async (tx): Promise<WriteResult> => {
    let resourceIds = v.resourceIds;
    if (v.findingArn) {
      const found = await tx.query(`SELECT 1 FROM findings WHERE arn = $1 AND ${inScope}`, [v.findingArn, all, ids]);
      if (!found.rowCount) return refuse(404, "findingArn", "no finding with this ARN in your accounts");
    } else {
      const hit = await tx.query<{ resource_id: string }>(
        `SELECT DISTINCT resource_id FROM findings WHERE vulnerability_id = $1 AND ${inScope} AND ($4::text[] = '{}' OR resource_id = ANY($4::text[]))`,
        [v.vulnerabilityId, all, ids, v.resourceIds],
      );
      if (!hit.rowCount) return refuse(404, "vulnerabilityId", `no finding for ${v.vulnerabilityId} in your accounts`);
      const known = new Set(hit.rows.map((r) => r.resource_id));
      const unknown = v.resourceIds.filter((r) => !known.has(r));
      if (unknown.length) return refuse(404, "resourceIds", `not hit by ${v.vulnerabilityId} in your accounts: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? " …" : ""}`);
      // "Every resource" means every resource this actor may see, never one outside the scope.
      if (!all && resourceIds.length === 0) resourceIds = [...known].sort();
    }
    const approved = approval === "none";
    const r = await tx.query<{ public_id: string }>(
      `INSERT INTO risk_exceptions (finding_arn, vulnerability_id, resource_ids, reason, owner, created_by, created_by_id, created_at, expires_at, approved_at, approved_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING public_id::text`,
      [v.findingArn ?? null, v.vulnerabilityId ?? null, resourceIds, v.reason, v.owner, ctx.actor.name, ctx.actor.id, now, expiryInstant(v.expiresOn),
        approved ? now : null, approved ? ctx.actor.name : null],
    );
    const id = r.rows[0].public_id;
    const detail = { findingArn: v.findingArn ?? null, vulnerabilityId: v.vulnerabilityId ?? null, resourceIds, reason: v.reason, owner: v.owner, expiresOn: v.expiresOn, pendingApproval: !approved };
    await recordAudit(tx, { actor: ctx.actor, action: "exception.created", target: id, detail, address: ctx.address, at: now });
    return { ok: true, id, approved };
  });
}

export async function revokeRiskException(ctx: WriteContext, id: unknown): Promise<WriteResult> {
  const now = ctx.now ?? new Date();
  return withTransaction(db().pool, async (tx): Promise<WriteResult> => {
    const e = await findVisibleException(tx, ctx.actor.scope, id);
    if (!e) return refuse(404, "id", "no such exception");
    if (e.revokedAt) return refuse(409, "id", "already revoked");
    await tx.query(`UPDATE risk_exceptions SET revoked_at = $2, revoked_by = $3 WHERE id = $1`, [e.serial, now, ctx.actor.name]);
    await recordAudit(tx, { actor: ctx.actor, action: "exception.revoked", target: e.publicId, address: ctx.address, at: now });
    return { ok: true, id: e.publicId, approved: e.approvedAt !== null };
  });
}

/** Four-eyes: someone other than the creator approves; only then the exception counts. */
export async function approveRiskException(ctx: WriteContext, id: unknown): Promise<WriteResult> {
  const now = ctx.now ?? new Date();
  return withTransaction(db().pool, async (tx): Promise<WriteResult> => {
    const e = await findVisibleException(tx, ctx.actor.scope, id);
    if (!e) return refuse(404, "id", "no such exception");
    if (e.revokedAt) return refuse(409, "id", "revoked exceptions cannot be approved");
    if (e.approvedAt) return refuse(409, "id", "already approved");
    if (e.createdById === ctx.actor.id) return refuse(403, "id", "the creator of an exception cannot approve it (four-eyes)");
    await tx.query(`UPDATE risk_exceptions SET approved_at = $2, approved_by = $3 WHERE id = $1`, [e.serial, now, ctx.actor.name]);
    await recordAudit(tx, { actor: ctx.actor, action: "exception.approved", target: e.publicId, address: ctx.address, at: now });
    return { ok: true, id: e.publicId, approved: true };
  });
}
