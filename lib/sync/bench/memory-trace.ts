// BENCH_MEMORY_TRACE=<file>: every memory sample of a bench run appended to a CSV (seconds into the
// run, RSS, V8 heap used and committed, external, in MB; the run's phase and findings listed), to
// see when a peak happens and whether the heap trends up over a run or only swings.
import fs from "node:fs";
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
    sample: (m) => fs.writeSync(fd, `${label},${((performance.now() - t0) / 1000).toFixed(1)},${mb(m.rss)},${mb(m.heapUsed)},${mb(m.heapTotal)},${mb(m.external)},${phase},${findings}\n`),
    progress: (p) => {
      phase = p.phase === "findings" ? p.regions.map((r) => r.phase).join("/") : p.phase;
      findings = p.findings;
    },
    close: () => fs.closeSync(fd),
  };
}
