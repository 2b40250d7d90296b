// Pages through one partition, maps each page and writes it in batches. An AWS failure ends
// only this partition (recorded on its accounts); a database failure ends the run.
import { ListFindingsCommand } from "@aws-sdk/client-inspector2";
import { AwsCallError } from "@/lib/aws/errors";
import { throwIfAborted, type SyncContext } from "../context";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { upsertFindings } from "../write/finding-writer";
import type { Partition } from "./partitions";

export interface PartitionResult {
  partition: Partition;
  error?: AwsCallError;
  pages: number;
  findings: number;
  written: number;
  perAccount: Map<string, number>;
  rejected: number;
}

export async function listPartition(ctx: SyncContext, region: string, partition: Partition): Promise<PartitionResult> {
  const client = ctx.aws.inspector(region);
  const r: PartitionResult = { partition, pages: 0, findings: 0, written: 0, perAccount: new Map(), rejected: 0 };
  let buffer: FindingRow[] = [];
  // One write in flight per partition while the next pages are fetched; awaited before the next.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (!buffer.length) return;
    throwIfAborted(ctx);
    const rows = buffer;
    buffer = [];
    writing = ctx.writes.run(() => upsertFindings(ctx.pool, rows, { runId: ctx.runId, syncedAt: ctx.startedAt })).then(async (w) => {
      r.written += w.written;
      ctx.batches++;
      await ctx.afterBatch?.(ctx.batches);
    });
    writing.catch(() => {}); // observed at the next await; not an unhandled rejection meanwhile
  };
  let nextToken: string | undefined;
  try {
    do {
      throwIfAborted(ctx);
      const page = await client.send(new ListFindingsCommand({ filterCriteria: partition.filter, maxResults: 100, nextToken }));
      const findings = page.findings ?? [];
      r.pages++;
      r.findings += findings.length;
      for (const f of findings) {
        const m = toFindingRow(f, region);
        if (!m.ok) {
          if (r.rejected++ < 3) ctx.notes.push({ kind: "mapping", region, message: `skipped finding ${m.arn ?? "(no arn)"}: ${m.error}` });
          continue;
        }
        buffer.push(m.row);
        r.perAccount.set(m.row.accountId, (r.perAccount.get(m.row.accountId) ?? 0) + 1);
      }
      ctx.progress.page(region, findings.length, findings.reduce((n, f) => n + (f.status === "ACTIVE" ? 1 : 0), 0));
      if (buffer.length >= ctx.config.batchSize) await flush();
      nextToken = page.nextToken || undefined;
    } while (nextToken);
    await flush();
    await writing;
  } catch (err) {
    if (!(err instanceof AwsCallError)) {
      await writing.catch(() => {}); // never leave a write running behind a failed partition
      throw err;
    }
    r.error = err;
    await flush(); // keep what was read; the watermark stays put, so the next run re-reads it anyway
    await writing;
  }
  return r;
}
