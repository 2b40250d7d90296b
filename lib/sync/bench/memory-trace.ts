// BENCH_MEMORY_TRACE=<file>: every memory sample of a bench run appended to a CSV (seconds into the
// run, RSS, V8 heap used and committed, external, in MB; the run's phase and findings listed; then V8's
// own malloc'd memory and the array buffers' share of external), to see when a peak happens, whether the
// heap trends up over a run or only swings, and what of the RSS is outside V8's heap.
import fs from "node:fs";
import v8 from "node:v8";
import type { SyncProgress } from "../progress";

export interface MemoryTrace {
  sample(m: NodeJS.MemoryUsage): void;
  progress(p: SyncProgress): void;
  close(): void;
}

const mb = (b: number) => (b / 2 ** 20).toFixed(1);

export function memoryTrace(label: string): MemoryTrace | undefined {
  const file = process.env.BENCH_MEMORY_TRACE;
  if (!file) return undefined;
  const fd = fs.openSync(file, "a");
  const t0 = performance.now();
  let phase = "starting";
  let findings = 0;
  return {
    sample: (m) =>
      fs.writeSync(fd, `${label},${((performance.now() - t0) / 1000).toFixed(1)},${mb(m.rss)},${mb(m.heapUsed)},${mb(m.heapTotal)},${mb(m.external)},${phase},${findings},${mb(v8.getHeapStatistics().malloced_memory)},${mb(m.arrayBuffers)}\n`),
    progress: (p) => {
      phase = p.phase === "findings" ? p.regions.map((r) => r.phase).join("/") : p.phase;
      findings = p.findings;
    },
    close: () => fs.closeSync(fd),
  };
}
