// The audit trail: one append-only row per change, written with the caller's transaction client so
// the change and its record commit or roll back together (openstatus audit/emit). The database
// refuses UPDATE and DELETE on audit_events (trigger in the migration).
import type { Actor } from "./actor";

/** Anything that runs parameterised SQL: a pg.PoolClient inside BEGIN … COMMIT. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Who, for rows written before anyone is known (a failed sign-in). */
export type AuditActor = Pick<Actor, "kind" | "id" | "name"> | { kind: "system"; id: null; name: string };

export const auditActions = [
  "sign_in.succeeded", "sign_in.failed", "sign_in.no_role", "sign_in.rate_limited", "sign_out",
  "sign_in.groups_changed", "sign_in.ended_by_provider",
  "sync.started",
  "exception.created", "exception.approved", "exception.revoked",
  "review.frozen", "review.corrected",
  "export.findings_csv", "export.review_csv", "export.review_pdf", "export.audit_csv",
  "token.created", "token.revoked",
  "access.mapping.saved", "access.mapping.deleted", "access.sessions.ended", "settings.changed",
  "alerts.channel.saved", "alerts.channel.deleted", "alerts.channel.tested", "alerts.channel.paused", "alerts.channel.resumed",
  "alerts.rule.saved", "alerts.rule.deleted", "alerts.rule.paused", "alerts.rule.resumed",
  "gate.policy.saved",
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown>;
  address?: string | null;
  at?: Date;
}

export async function recordAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_events (at, actor_kind, actor_id, actor_name, action, target, detail, address)
     VALUES (COALESCE($1::timestamptz, now()), $2, $3, $4, $5, $6, $7::jsonb, $8)`,
    [e.at ?? null, e.actor.kind, e.actor.id, e.actor.name, e.action, e.target ?? null, JSON.stringify(e.detail ?? {}), e.address ?? null],
  );
}
