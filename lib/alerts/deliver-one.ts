// Sends one claimed delivery and records how it went (SENT; PENDING again after a backoff; FAILED
// after the last attempt or when the channel is gone), appending the attempt to its log.
import type pg from "pg";
import { channelForSending } from "./channel-store";
import { digestSchema } from "./digest";
import { backoffMs, type DeliverOptions } from "./deliver";
import { sendToChannel } from "./send-channel";
import type { SendResult } from "./send-http";

export interface Claimed { id: string; channel_id: number; attempts: number }

export async function deliverOne(pool: pg.Pool, d: Claimed, o: DeliverOptions): Promise<SendResult> {
  const { rows } = await pool.query(`SELECT payload FROM alert_deliveries WHERE id = $1`, [d.id]);
  let result: SendResult;
  let final = false;
  try {
    const channel = await channelForSending(pool, d.channel_id);
    if (!channel) [result, final] = [{ ok: false, error: "the channel was deleted or paused" }, true];
    else result = await sendToChannel(channel.config, digestSchema.parse(rows[0].payload), d.id, o.policy);
  } catch (e) {
    // A secret that does not open (another key) will not open on a retry either.
    [result, final] = [{ ok: false, error: `the channel's secret cannot be opened (${e instanceof Error ? e.name : "error"})` }, true];
  }
  const giveUp = !result.ok && (final || d.attempts >= (o.maxAttempts ?? 8));
  await pool.query(
    `UPDATE alert_deliveries SET status = $2, locked_until = NULL, last_error = $3,
       sent_at = CASE WHEN $2 = 'SENT' THEN now() END,
       next_attempt_at = now() + make_interval(secs => $4::float8 / 1000),
       log = log || jsonb_build_array(jsonb_build_object('at', now(), 'attempt', $5::int, 'ok', $6::boolean, 'error', $3::text))
     WHERE id = $1`,
    [d.id, result.ok ? "SENT" : giveUp ? "FAILED" : "PENDING", result.ok ? null : (result.error ?? "failed"), backoffMs(d.attempts, o.backoffBaseMs ?? 30_000), d.attempts, result.ok],
  );
  return result;
}
