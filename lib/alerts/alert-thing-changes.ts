// Pausing, resuming and deleting an alert rule or channel: the id checked, the row changed in one
// transaction with its audit line, "no such …" when nothing matched. Deleting a channel also takes
// it off every rule that sent to it. A scoped admin changes only rules within their admin scope, and
// no channel (shared by every rule).
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/auth/app-error";
import { recordAudit, type AuditAction } from "@/lib/auth/audit";
import { withinAdminScope } from "@/lib/auth/grant-ceiling";
import { scopeRuleSchema } from "@/lib/auth/group-map";
import { withTransaction } from "@/lib/db/transaction";
import { assertChannelAdmin } from "./channel-store";

export type AlertThing = "rule" | "channel";
// Table names come from this constant, never from input.
const tables: Record<AlertThing, string> = { rule: "alert_rules", channel: "alert_channels" };

export function alertThingKind(value: unknown): AlertThing {
  if (value === "rule" || value === "channel") return value;
  throw new AppError("invalid", "what: expected rule or channel");
}

async function change(pool: pg.Pool, actor: Actor, kind: AlertThing, id: unknown, address: string | null | undefined,
  action: "paused" | "resumed" | "deleted", sql: (table: string) => string, params: unknown[] = [], after?: (tx: pg.PoolClient, n: number) => Promise<unknown>): Promise<void> {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) throw new AppError("invalid", `id: expected a ${kind} id`);
  if (kind === "channel") assertChannelAdmin(actor);
  await withTransaction(pool, async (tx) => {
    if (kind === "rule") await assertRuleWithin(tx, actor, n, action);
    const { rows } = await tx.query(sql(tables[kind]), [n, ...params]);
    if (!rows.length) throw new AppError("not_found", `no such ${kind}`);
    await after?.(tx, n);
    await recordAudit(tx, { actor, action: `alerts.${kind}.${action}` satisfies AuditAction, target: `alert-${kind}:${n}`, detail: { name: rows[0].name }, address });
  });
}

/** Refuses (403) a rule whose scope reaches beyond the actor's admin scope for "alerts" (grant-ceiling.ts). */
async function assertRuleWithin(tx: pg.PoolClient, actor: Actor, id: number, action: string): Promise<void> {
  const { rows } = await tx.query<{ name: string; scope: unknown }>(`SELECT name, scope FROM alert_rules WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows.length) return; // "no such rule", below
  // A stored scope that no longer parses (hand-edited) counts as the whole organization.
  const scope = scopeRuleSchema.catch({ all: true as const }).parse(rows[0].scope);
  if (await withinAdminScope(actor, "alerts", { scope }, tx)) return;
  const verb = action === "deleted" ? "delete" : action === "paused" ? "pause" : "resume";
  throw new AppError("forbidden", `alert rule "${rows[0].name}" reaches beyond your admin scope: only an admin whose scope covers its accounts may ${verb} it`);
}

/** Pauses or resumes: a paused rule misses the runs of its pause (resuming does not replay them); a
 *  paused channel is left out of new digests and sends nothing queued. */
export function setAlertThingEnabled(pool: pg.Pool, actor: Actor, kind: AlertThing, id: unknown, enabled: boolean, address?: string | null) {
  return change(pool, actor, kind, id, address, enabled ? "resumed" : "paused",
    (table) => `UPDATE ${table} SET enabled = $2, updated_at = now() WHERE id = $1 RETURNING name`, [enabled]);
}

export function deleteAlertThing(pool: pg.Pool, actor: Actor, kind: AlertThing, id: unknown, address?: string | null) {
  return change(pool, actor, kind, id, address, "deleted", (table) => `DELETE FROM ${table} WHERE id = $1 RETURNING name`, [],
    kind === "channel" ? (tx, n) => tx.query(`UPDATE alert_rules SET channel_ids = array_remove(channel_ids, $1) WHERE $1 = ANY(channel_ids)`, [n]) : undefined);
}
