// Alert rules: create, list, pause/resume, delete; every change audited in its transaction. A new rule starts
// after the newest sync run (it alerts on what changes from now on), and reaches no account beyond the
// scope its maker has for "alerts" (refused at save; narrowed again at every evaluation, rule-reach.ts).
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/auth/app-error";
import { recordAudit, type Queryable } from "@/lib/auth/audit";
import { creatorRef } from "@/lib/auth/creator-actor";
import { onlyWithinAdminScope, scopeBeyond } from "@/lib/auth/grant-ceiling";
import { scopeFor } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/transaction";
import { ruleInputSchema, ruleParamsSchema, type StoredRule } from "./rule-config";
import { scopeRuleSchema } from "@/lib/auth/group-map";

export async function loadRules(tx: Queryable, all = false): Promise<StoredRule[]> {
  const { rows } = (await tx.query(
    `SELECT id, name, kind, min_severity, scope, params, channel_ids, since_run_id, enabled, created_by_kind, created_by_id FROM alert_rules WHERE enabled OR $1 ORDER BY id`,
    [all],
  )) as { rows: Record<string, unknown>[] };
  return rows.map((r) => ({
    id: r.id as number, name: r.name as string, kind: r.kind as StoredRule["kind"], minSeverity: r.min_severity as string,
    scope: scopeRuleSchema.parse(r.scope), params: ruleParamsSchema.parse(r.params), channelIds: r.channel_ids as number[], sinceRunId: r.since_run_id as number, enabled: r.enabled as boolean,
    createdBy: creatorRef(r.created_by_kind, r.created_by_id),
  }));
}

/** The rules `actor` may see and change, paused ones included: for a scoped admin, only those within their scope for "alerts". */
export async function rulesFor(pool: pg.Pool, actor: Actor): Promise<StoredRule[]> {
  return onlyWithinAdminScope(actor, "alerts", await loadRules(pool, true), (r) => ({ scope: r.scope }), pool);
}

export async function createRule(pool: pg.Pool, actor: Actor, input: unknown, address?: string | null): Promise<StoredRule> {
  const parsed = ruleInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", `${parsed.error.issues[0].path.join(".") || "rule"}: ${parsed.error.issues[0].message}`);
  const r = parsed.data;
  // A scoped admin alerts on their own accounts only: the rule's deliveries carry its accounts' counts.
  const beyond = await scopeBeyond([scopeFor(actor, "alerts")], r.scope, pool);
  if (beyond) throw new AppError("forbidden", `${beyond.field}: ${beyond.message}`, [beyond]);
  return withTransaction(pool, async (tx) => {
    const known = await tx.query(`SELECT count(*)::int AS n FROM alert_channels WHERE id = ANY($1::int[])`, [r.channelIds]);
    if (known.rows[0].n !== new Set(r.channelIds).size) throw new AppError("invalid", "channelIds: a channel does not exist");
    const { rows } = await tx.query(
      `INSERT INTO alert_rules (name, kind, min_severity, scope, params, channel_ids, since_run_id, created_by, created_by_kind, created_by_id)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::int[], (SELECT COALESCE(max(id), 0) FROM sync_runs), $7, $8, $9) RETURNING id, since_run_id`,
      [r.name, r.kind, r.minSeverity, JSON.stringify(r.scope), JSON.stringify(r.params), r.channelIds, actor.name, actor.kind, actor.id],
    );
    await recordAudit(tx, { actor, action: "alerts.rule.saved", target: `alert-rule:${rows[0].id}`, detail: { name: r.name, kind: r.kind, minSeverity: r.minSeverity, scope: r.scope, channelIds: r.channelIds }, address });
    return { id: rows[0].id, ...r, sinceRunId: rows[0].since_run_id, createdBy: { kind: actor.kind, id: actor.id } };
  });
}

