// The outbox reader: under the one cursor row (FOR UPDATE SKIP LOCKED, so of two replicas one
// reads and the other skips), every finished sync run past the cursor becomes one batch; each rule
// turns what is new in it (not yet in alert_sent) into one digest per channel; the cursor moves on.
// All in one transaction: a crash anywhere leaves the batch to be read again, whole.
import type pg from "pg";
import { withTransaction } from "@/lib/db/transaction";
import { buildDigest } from "./build-digest";
import { ruleReach } from "./rule-reach";
import { loadRules } from "./rule-store";
import { evaluators } from "./rules";
import { keepFresh } from "./sent-store";
import type { Batch } from "./rules/types";

export async function planNextBatch(pool: pg.Pool, appUrl: string): Promise<{ batch: Batch; deliveries: number } | null> {
  return withTransaction(pool, async (tx) => {
    const cur = await tx.query(`SELECT last_run_id, last_created_at FROM alert_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED`);
    if (!cur.rows.length) return null;
    // A run still writing would split its changes over two batches: wait until it finished.
    const { rows } = await tx.query(
      `SELECT max(id) FILTER (WHERE outcome <> 'RUNNING') AS done, bool_or(outcome = 'RUNNING') AS running, now() AS at FROM sync_runs WHERE id > $1`,
      [cur.rows[0].last_run_id],
    );
    if (rows[0].running || rows[0].done === null) return null;
    const batch: Batch = { fromRunId: cur.rows[0].last_run_id, toRunId: rows[0].done, createdAfter: cur.rows[0].last_created_at, createdUpTo: rows[0].at };
    let deliveries = 0;
    for (const rule of (await loadRules(tx)).filter((r) => r.sinceRunId < batch.toRunId)) {
      // Never beyond its maker's accounts now; nothing at all once the maker is gone.
      const reach = await ruleReach(tx, rule);
      if (!reach) continue;
      const ev = await evaluators[rule.kind]({ tx, batch, rule, accounts: reach.accounts, maker: reach.maker, appUrl });
      // One run id for the batch's alert_sent rows, its digest and the digest's link (alert=<rule>:<run>
      // opens what alert_sent holds under it), however many sync runs the batch spans.
      const runId = batch.toRunId;
      const fresh = await keepFresh(tx, rule.id, runId, ev);
      if (!fresh.length) continue;
      const digest = buildDigest(rule, ev, fresh, runId);
      const ins = await tx.query(
        `INSERT INTO alert_deliveries (channel_id, rule_id, run_id, kind, payload)
         SELECT c.id, $2, $3, 'DIGEST', $4::jsonb FROM alert_channels c WHERE c.id = ANY($1::int[]) AND c.enabled
         ON CONFLICT (rule_id, channel_id, run_id) DO NOTHING`,
        [rule.channelIds, rule.id, runId, JSON.stringify(digest)],
      );
      deliveries += ins.rowCount ?? 0;
    }
    await tx.query(`UPDATE alert_cursor SET last_run_id = $1, last_created_at = $2, updated_at = now() WHERE id = 1`, [batch.toRunId, batch.createdUpTo]);
    return { batch, deliveries };
  });
}
