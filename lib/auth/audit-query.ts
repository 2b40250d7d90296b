// Reading the audit trail for the admin page and its CSV: newest first, filtered by action, actor
// (name or id, substring) and time; one URL schema for both.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { containsPattern, likeEscape } from "@/lib/queries/like-pattern";
import type { Actor } from "./actor";
import { AppError } from "./app-error";
import { wholeOrganization } from "./permissions";
import { isDay } from "@/lib/review/day";

/** Audit rows record who, what and a target, not the accounts concerned: none can be shown to a scoped admin. */
export const AUDIT_NEEDS_WHOLE_ORG =
  "the audit log is for whole-organization admins: your admin scope is limited to some accounts, and audit entries do not record which accounts they concern";

/** Whether `actor` may read the audit log (and its export): a whole-organization admin only. */
export const readsAuditLog = (actor: Actor) => wholeOrganization(actor, "audit");

/** Refuses (403) anyone but a whole-organization admin. */
export function assertAuditReader(actor: Actor): void {
  if (!readsAuditLog(actor)) throw new AppError("forbidden", AUDIT_NEEDS_WHOLE_ORG);
}

export const auditFilterSchema = z.object({
  action: z.string().trim().max(60).regex(/^[\w.]*$/, "expected an action such as exception.created").optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  from: z.string().refine(isDay).optional().catch(undefined),
  to: z.string().refine(isDay).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(50_000).default(200).catch(200),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const parseAuditFilter = (q: URLSearchParams | Record<string, unknown>) =>
  auditFilterSchema.parse(q instanceof URLSearchParams ? Object.fromEntries(q) : q);

export interface AuditRow {
  id: string; at: Date; actorKind: string; actorId: string | null; actorName: string;
  action: string; target: string | null; detail: Record<string, unknown>; address: string | null;
}

export async function listAudit(f: AuditFilter): Promise<AuditRow[]> {
  const { rows } = await db().pool.query<AuditRow>(
    `SELECT id::text, at, actor_kind AS "actorKind", actor_id AS "actorId", actor_name AS "actorName", action, target, detail, address
     FROM audit_events
     WHERE ($1::text IS NULL OR action = $1 OR action LIKE $6)
       AND ($2::text IS NULL OR actor_name ILIKE $7 OR actor_id = $2)
       AND ($3::date IS NULL OR at >= $3::date) AND ($4::date IS NULL OR at < $4::date + 1)
     ORDER BY at DESC, id DESC LIMIT $5`,
    // The typed text matches itself: "_" (in action names) and "%" are not wildcards.
    [f.action || null, f.actor || null, f.from ?? null, f.to ?? null, f.limit, `${likeEscape(f.action ?? "")}.%`, containsPattern(f.actor ?? "")],
  );
  return rows;
}

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
  // Quote always; a leading formula character is neutralised for spreadsheets.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

export function auditCsv(rows: AuditRow[]): string {
  const head = ["at", "actor_kind", "actor_id", "actor", "action", "target", "address", "detail"];
  const lines = rows.map((r) => [r.at, r.actorKind, r.actorId, r.actorName, r.action, r.target, r.address, r.detail].map(cell).join(","));
  return [head.join(","), ...lines].join("\r\n") + "\r\n";
}
