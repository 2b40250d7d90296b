// Runs one sync against an emulator process on the emulator's clock, timing the findings
// listing phase separately from the whole run.
import type { Database } from "@/lib/db/client";
import { emulatorSdkEnv } from "@/emulator/aws-env";
import { runSync, type SyncResult } from "../run-sync";
import type { SyncConfig } from "../sync-config";
import type { SyncProgress } from "../progress";
import type { EmulatorProcess } from "./emulator-process";
import { cpuMeter } from "./cpu-usage";
import { memoryTrace } from "./memory-trace";
import { allocationProfile } from "./alloc-profile";
import { DEFAULT_SYNC_HEAP_GROWTH_PERCENT } from "@/lib/env";

export interface BenchRun {
  result: SyncResult;
  seconds: number;
  findingsSeconds: number;
  findings: number;
  pages: number;
  peakRssMb: number;
  /** V8 heap in use (live objects and not yet collected garbage) and memory outside it (Buffers). */
  peakHeapMb: number;
  peakExternalMb: number;
  /** V8's committed heap (heapTotal) at its peak: what the heap holds from the OS, used or not. */
  peakHeapTotalMb: number;
  /** With `node --expose-gc`: the heap still in use right after a forced full collection, at its
   *  largest over the run (sampled every 2 s), and when that was: live data, not collection slack. */
  peakLiveHeap?: { mb: number; atSeconds: number };
  cpu: CpuSeconds;
  /** Findings upsert statements the run sent (its findings over this: the mean batch). */
  batches: number;
  /** CPU until every region's findings and coverage were listed and written. */
  listingCpu?: CpuSeconds;
}

type CpuSeconds = { sync: number; emulator: number; postgres: number };

/** A whole-number bench switch from the environment, or `fallback` when unset. */
function benchNumber(name: string, fallback: number, min: number, max: number): number {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return n;
}

/** The pipeline's sizes, the app's unless set, to measure others: BENCH_WRITE_CONCURRENCY (writers in
 *  flight), BENCH_PARTITIONS (listing partitions in flight per region), BENCH_BATCH_SIZE (findings per
 *  upsert), BENCH_QUEUE_MB (MiB of findings read and not yet written, run-wide; default from the others);
 *  and the app's own INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT (the app's default unless set; 0: V8's own heap growth). */
function benchPipeline(): Pick<SyncConfig, "writeConcurrency" | "partitionConcurrency" | "batchSize" | "queueBytes" | "heapGrowthPercent"> {
  const queueMb = benchNumber("BENCH_QUEUE_MB", 0, 1, 4096);
  return {
    heapGrowthPercent: benchNumber("INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT", DEFAULT_SYNC_HEAP_GROWTH_PERCENT, 0, 400),
    writeConcurrency: benchNumber("BENCH_WRITE_CONCURRENCY", 2, 1, 16),
    partitionConcurrency: benchNumber("BENCH_PARTITIONS", 10, 1, 100),
    batchSize: benchNumber("BENCH_BATCH_SIZE", 500, 10, 10_000),
    ...(queueMb ? { queueBytes: queueMb * 2 ** 20 } : {}),
  };
}

export function benchConfig(emu: EmulatorProcess, regions: string[], over: Partial<SyncConfig> = {}): SyncConfig {
  Object.assign(process.env, emulatorSdkEnv(emu, emu, regions));
  return {
    roleArn: emu.roleArn, externalId: emu.externalId, sessionName: "bench", regions, accountNames: {}, owners: {}, demo: false,
    // A simulated day passes between the full and the incremental run: keep the daily full listing out of it.
    overlapMs: 15 * 60_000, fullSyncEveryMs: 7 * 86_400_000, ...benchPipeline(), ...over,
  };
}

export async function benchSync(
  database: Database & { url: string }, emu: EmulatorProcess, config: SyncConfig, onProgress?: (p: SyncProgress) => void, full = false,
): Promise<BenchRun> {
  const clock = await emu.clock();
  const offset = clock.getTime() - Date.now();
  let peak = 0;
  let peakHeap = 0, peakExternal = 0, peakHeapTotal = 0;
  const trace = memoryTrace(full ? "full" : "run");
  const allocations = allocationProfile(full ? "full" : "run");
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    trace?.sample(m);
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakExternal = Math.max(peakExternal, m.external);
    peakHeapTotal = Math.max(peakHeapTotal, m.heapTotal);
  }, 100);
  const live = liveHeapSampler();
  const meter = cpuMeter(emu.child.pid, new URL(database.url).pathname.slice(1));
  const t0 = performance.now();
  let listingCpu: CpuSeconds | undefined;
  let batches = 0;
  const listed = (p: SyncProgress) => p.regions.length > 0 && p.regions.every((r) => ["integrity", "done", "failed"].includes(r.phase));
  const result = await runSync({
    trigger: "cli", database, config, now: () => new Date(Date.now() + offset), full,
    afterBatch: (n) => void (batches = n),
    onProgress: (p) => {
      if (!listingCpu && listed(p)) listingCpu = meter();
      trace?.progress(p);
      onProgress?.(p);
    },
  });
  clearInterval(sample);
  trace?.close();
  await allocations?.stop();
  const peakLiveHeap = live?.stop();
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = (performance.now() - t0) / 1000;
  return {
    result, seconds,
    findingsSeconds: Math.max(...result.regions.map((r) => r.findings?.listingMs ?? 0)) / 1000,
    findings: result.progress.findings, pages: result.progress.pages, peakRssMb: peak / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20, peakExternalMb: peakExternal / 2 ** 20, peakHeapTotalMb: peakHeapTotal / 2 ** 20, peakLiveHeap, cpu: meter(), listingCpu, batches,
  };
}

/** Forced full collections every 2 s (only when the process runs with --expose-gc), each followed
 *  by a reading of the heap in use. */
function liveHeapSampler(): { stop: () => { mb: number; atSeconds: number } } | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== "function") return undefined;
  const t0 = performance.now();
  let best = { mb: 0, atSeconds: 0 };
  const timer = setInterval(() => {
    gc();
    const mb = process.memoryUsage().heapUsed / 2 ** 20;
    if (mb > best.mb) best = { mb, atSeconds: (performance.now() - t0) / 1000 };
  }, 2_000);
  return { stop: () => (clearInterval(timer), best) };
}
