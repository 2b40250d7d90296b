// "Send test": a TEST delivery row for the channel (so the delivery log shows it, with its reason
// when it fails), sent at once through the same path as digests; audited.
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/auth/app-error";
import { recordAudit } from "@/lib/auth/audit";
import { withTransaction } from "@/lib/db/transaction";
import { assertChannelAdmin } from "./channel-store";
import { testDigest } from "./digest";
import { deliverOne } from "./deliver-one";
import type { OutboundPolicy } from "./outbound-check";

export async function sendTest(pool: pg.Pool, actor: Actor, id: unknown, appUrl: string, policy: OutboundPolicy, address?: string | null): Promise<{ ok: boolean; error: string | null; deliveryId: string }> {
  assertChannelAdmin(actor);
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) throw new AppError("invalid", "id: expected a channel id");
  const deliveryId = await withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(`SELECT name FROM alert_channels WHERE id = $1`, [n]);
    if (!rows.length) throw new AppError("not_found", "no such channel");
    const ins = await tx.query(
      `INSERT INTO alert_deliveries (channel_id, kind, payload, locked_until, attempts) VALUES ($1, 'TEST', $2::jsonb, now() + interval '2 minutes', 1) RETURNING id`,
      [n, JSON.stringify(testDigest(rows[0].name, appUrl))],
    );
    await recordAudit(tx, { actor, action: "alerts.channel.tested", target: `alert-channel:${n}`, detail: { name: rows[0].name, delivery: String(ins.rows[0].id) }, address });
    return String(ins.rows[0].id);
  });
  // A test is tried once, now: the admin is waiting for the answer.
  const r = await deliverOne(pool, { id: deliveryId, channel_id: n, attempts: 1 }, { policy, maxAttempts: 1 });
  return { ok: r.ok, error: r.ok ? null : (r.error ?? "failed"), deliveryId };
}
