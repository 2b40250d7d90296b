// One pass of the alerts: read every finished batch from the outbox into deliveries, then send what
// is due. Safe to run anywhere at any time (after a sync, on a timer, from the CLI, in two replicas).
import type pg from "pg";
import { deliverDue, type DeliverOptions } from "./deliver";
import { planNextBatch } from "./plan-batch";

export interface AlertsPass { planned: number; sent: number; failed: number }

export async function runAlertsOnce(pool: pg.Pool, appUrl: string, o: DeliverOptions): Promise<AlertsPass> {
  let planned = 0;
  for (let i = 0; i < 100; i++) {
    const r = await planNextBatch(pool, appUrl);
    if (!r) break;
    planned += r.deliveries;
  }
  const out = { planned, sent: 0, failed: 0 };
  // Keep sending while a pass finds work (a batch may hold more than one claim's worth).
  for (let i = 0; i < 50; i++) {
    const d = await deliverDue(pool, o);
    out.sent += d.sent;
    out.failed += d.failed;
    if (d.sent + d.failed === 0) break;
  }
  return out;
}
