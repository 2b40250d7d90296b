// Pages through one partition, maps each page and writes it in batches. An AWS failure ends
// only this partition (recorded on its accounts); a database failure ends the run. A finding the
// mapper rejects makes the partition incomplete (no gone detection, no watermark for its accounts).
// AWS's time at the first page (its Date header) and the newest updatedAt are the watermark's basis.
import { ListFindingsCommand } from "@aws-sdk/client-inspector2";
import { responseDate } from "@/lib/aws/aws-clock";
import { AwsCallError } from "@/lib/aws/errors";
import { throwIfAborted, type SyncContext } from "../context";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { insertNewFindings, upsertFindings } from "../write/finding-writer";
import { partitionFilter, type Partition } from "./partitions";
import { queuedBytes } from "./queued-bytes";

export interface PartitionResult {
  partition: Partition;
  error?: AwsCallError;
  pages: number;
  findings: number;
  written: number;
  /** Of those, rows inserted or rewritten; the rest were unchanged and only marked seen. */
  changed: number;
  rejected: number;
  /** AWS's Date header on the first page: every change listable then is in this listing. */
  awsStart?: Date;
  newestUpdatedAt?: Date;
}

/** Complete: every page read and every finding mapped. */
export const partitionComplete = (r: PartitionResult) => !r.error && r.rejected === 0;

/** `perAccount`: the region's tally of findings listed per account, which this partition adds to
 *  (one map for all partitions: a map per partition, kept until the region is done, would grow with
 *  the organization). */
export async function listPartition(ctx: SyncContext, region: string, partition: Partition, perAccount?: Map<string, number>): Promise<PartitionResult> {
  const client = ctx.aws.inspector(region);
  const r: PartitionResult = { partition, pages: 0, findings: 0, written: 0, changed: 0, rejected: 0 };
  let buffer: FindingRow[] = [];
  let bufferBytes = 0; // the buffer's room in the run's queue, given back once it is written
  // One write in flight per partition while the next pages are fetched; awaited before the next.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (!buffer.length) return;
    throwIfAborted(ctx);
    const rows = buffer;
    const bytes = bufferBytes;
    buffer = [];
    bufferBytes = 0;
    const write = ctx.writes.run(() => (ctx.firstLoadBatches ? insertNewFindings : upsertFindings)(ctx.pool, rows, { runId: ctx.runId, syncedAt: ctx.startedAt }));
    writing = write.finally(() => ctx.queue.release(bytes)).then(async (w) => {
      r.written += w.written;
      r.changed += w.changed;
      if (ctx.firstLoadBatches) ctx.firstLoadBatches[w.byInsert ? "inserted" : "upserted"]++;
      ctx.batches++;
      await ctx.afterBatch?.(ctx.batches);
    });
    writing.catch(() => {}); // observed at the next await; not an unhandled rejection meanwhile
  };
  const filterCriteria = partitionFilter(partition);
  let nextToken: string | undefined;
  try {
    do {
      throwIfAborted(ctx);
      const page = await client.send(new ListFindingsCommand({ filterCriteria, maxResults: 100, nextToken }));
      const findings = page.findings ?? [];
      if (r.pages === 0) r.awsStart = responseDate(page);
      r.pages++;
      r.findings += findings.length;
      const rows: FindingRow[] = [];
      let bytes = 0;
      for (const f of findings) {
        const m = toFindingRow(f, region);
        if (!m.ok) {
          if (r.rejected++ < 3) {
            ctx.notes.push({ kind: "mapping", region, message: `skipped finding ${m.arn ?? "(no arn)"}: ${m.error}; partition ${partition.key} incomplete (no gone detection or watermark for its accounts)` });
          }
          continue;
        }
        rows.push(m.row);
        bytes += queuedBytes(m.row);
      }
      // Room in the run's queue before keeping this page's rows: when it is full, hand over what this
      // partition holds and wait (no further page is read meanwhile).
      if (!ctx.queue.tryAcquire(bytes)) {
        await flush();
        await ctx.queue.acquire(bytes, ctx.signal);
        throwIfAborted(ctx);
      }
      bufferBytes += bytes;
      for (const row of rows) {
        if (!r.newestUpdatedAt || row.updatedAt > r.newestUpdatedAt) r.newestUpdatedAt = row.updatedAt;
        buffer.push(row);
        perAccount?.set(row.accountId, (perAccount.get(row.accountId) ?? 0) + 1);
      }
      ctx.progress.page(region, findings.length, findings.reduce((n, f) => n + (f.status === "ACTIVE" ? 1 : 0), 0));
      if (buffer.length >= ctx.config.batchSize) await flush();
      nextToken = page.nextToken || undefined;
    } while (nextToken);
    await flush();
    await writing;
  } catch (err) {
    if (!(err instanceof AwsCallError)) {
      ctx.queue.release(bufferBytes);
      buffer = [];
      bufferBytes = 0;
      await writing.catch(() => {}); // never leave a write running behind a failed partition
      throw err;
    }
    r.error = err;
    await flush(); // keep what was read; the watermark stays put, so the next run re-reads it anyway
    await writing;
  }
  return r;
}
