// BENCH_HEAP_SNAPSHOTS=<dir>: the relist bench writes a V8 heap snapshot of the syncing process when
// a run has listed given shares of the organization's findings (BENCH_HEAP_SNAPSHOT_AT, default
// 0.5,0.9), so runs of different sizes are compared at the same point of their listing. Each
// snapshot stops the process for seconds: the run's rates and peaks are then not figures.
import path from "node:path";
import v8 from "node:v8";
import type { SyncProgress } from "../progress";

export function heapSnapshotter(label: string, expected: number): ((p: SyncProgress) => void) | undefined {
  const dir = process.env.BENCH_HEAP_SNAPSHOTS;
  if (!dir) return undefined;
  const shares = (process.env.BENCH_HEAP_SNAPSHOT_AT ?? "0.5,0.9").split(",").map(Number).sort((a, b) => a - b);
  let next = 0;
  return (p) => {
    if (next >= shares.length || p.findings < shares[next] * expected) return;
    const share = shares[next++];
    const file = path.join(dir, `${label}-${Math.round(share * 100)}pct-${p.findings}.heapsnapshot`);
    const t0 = performance.now();
    v8.writeHeapSnapshot(file);
    console.log(`  heap snapshot at ${p.findings} findings listed: ${file} (${Math.round(performance.now() - t0)} ms)`);
  };
}
