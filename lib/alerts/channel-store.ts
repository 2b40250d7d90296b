// Alert channels: saved with their config sealed (AES-256-GCM), listed with the summary only,
// deleted; every change audited in its transaction. The secret never leaves this module except to
// the sender.
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/auth/app-error";
import { recordAudit, type Queryable } from "@/lib/auth/audit";
import { wholeOrganization } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/transaction";
import { channelConfigSchema, channelInputSchema, channelSummary, type ChannelConfig, type ChannelKind } from "./channel-config";
import { openSecret, sealSecret, secretsKey } from "./secret-box";

export interface ChannelView { id: number; name: string; kind: ChannelKind; summary: string; enabled: boolean; createdBy: string; createdAt: Date }

export async function listChannels(db: Queryable): Promise<ChannelView[]> {
  const { rows } = (await db.query(`SELECT id, name, kind, summary, enabled, created_by, created_at FROM alert_channels ORDER BY id`)) as { rows: Record<string, unknown>[] };
  return rows.map((r) => ({ id: r.id as number, name: r.name as string, kind: r.kind as ChannelKind, summary: r.summary as string, enabled: r.enabled as boolean, createdBy: r.created_by as string, createdAt: r.created_at as Date }));
}

/** Channels are shared delivery targets (every rule may use any): changing one changes others' alerts. */
export const CHANNELS_NEED_WHOLE_ORG =
  "alert channels are shared by every rule: only a whole-organization admin may add, test, pause, resume or delete one (your admin scope is limited to some accounts); your rules may use the existing channels";

/** Refuses (403) a scoped admin: creating, testing, pausing and deleting channels is for whole-organization admins. */
export function assertChannelAdmin(actor: Actor): void {
  if (!wholeOrganization(actor, "alerts")) throw new AppError("forbidden", CHANNELS_NEED_WHOLE_ORG);
}

export async function createChannel(pool: pg.Pool, actor: Actor, input: unknown, address?: string | null): Promise<ChannelView> {
  assertChannelAdmin(actor);
  const parsed = channelInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", `${parsed.error.issues[0].path.join(".") || "channel"}: ${parsed.error.issues[0].message}`);
  const { name, config } = parsed.data;
  const sealed = sealSecret(config, secretsKey()); // a missing key is a one-line ConfigError here
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `INSERT INTO alert_channels (name, kind, summary, secret, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
      [name, config.kind, channelSummary(config), sealed, actor.name],
    );
    await recordAudit(tx, { actor, action: "alerts.channel.saved", target: `alert-channel:${rows[0].id}`, detail: { name, kind: config.kind, summary: channelSummary(config) }, address });
    return { id: rows[0].id, name, kind: config.kind, summary: channelSummary(config), enabled: true, createdBy: actor.name, createdAt: rows[0].created_at };
  });
}

/** The channel's opened config for the sender; null when it is gone or disabled. */
export async function channelForSending(db: Queryable, id: number): Promise<{ name: string; config: ChannelConfig } | null> {
  const { rows } = (await db.query(`SELECT name, secret FROM alert_channels WHERE id = $1 AND enabled`, [id])) as { rows: { name: string; secret: string }[] };
  if (!rows.length) return null;
  return { name: rows[0].name, config: channelConfigSchema.parse(openSecret(rows[0].secret)) };
}
