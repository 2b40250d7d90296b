// The sender: claims due deliveries (FOR UPDATE SKIP LOCKED plus a lease, so two replicas never
// send the same one at once), sends each, and records the outcome. At least once: a failure waits
// base·2^(attempt-1) (capped at an hour) and is retried until maxAttempts, then marked FAILED.
import type pg from "pg";
import { deliverOne, type Claimed } from "./deliver-one";
import type { OutboundPolicy } from "./outbound-check";

export interface DeliverOptions {
  policy: OutboundPolicy;
  backoffBaseMs?: number;
  maxAttempts?: number;
  leaseMs?: number;
}

export function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** next_attempt_at is stored to the millisecond (timestamptz(3)), which PostgreSQL rounds to the
 *  nearest: a delivery queued at …000.6 ms is stored as …001 ms and was not yet due to a pass at
 *  …000.9 ms, so it waited for the next pass (and the delivery test failed once in CI). A time
 *  within the millisecond is due. */
const DUE = "next_attempt_at < now() + interval '1 millisecond'";

export async function deliverDue(pool: pg.Pool, o: DeliverOptions): Promise<{ sent: number; failed: number }> {
  const { rows } = await pool.query(
    `UPDATE alert_deliveries SET locked_until = now() + make_interval(secs => $1::float8 / 1000), attempts = attempts + 1
     WHERE id IN (SELECT id FROM alert_deliveries WHERE status = 'PENDING' AND ${DUE}
                  AND (locked_until IS NULL OR locked_until < now()) ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)
     RETURNING id, channel_id, attempts`,
    [o.leaseMs ?? 120_000],
  );
  let sent = 0, failed = 0;
  for (const d of rows as Claimed[]) {
    if ((await deliverOne(pool, d, o)).ok) sent++;
    else failed++;
  }
  return { sent, failed };
}
