// INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT: while a sync runs, V8's old generation grows by a fixed share
// of what survived its last full collection, not by V8's own factor (picked from how fast it collects
// against how fast the program allocates, up to 4x). A sync allocates fast for minutes, and V8's factor
// lets the committed heap run well above the live one. Measured on the issue 16 benchmark
// (docs/benchmarks.md, thirty-sixth and thirty-seventh passes; live heap at most 66 MB at 200k and at 2M
// findings): 2M first loads peaked at 399-429 MB of RSS with V8's factor (a re-listing at up to 493 MB,
// near a 512 MiB container's limit), 340-345 MB at 50 %, for 5-10 µs more of the sync's CPU per
// finding. 50 % is the default (DEFAULT_SYNC_HEAP_GROWTH_PERCENT in lib/env.ts); 0 leaves V8's own. It is one flag of
// the whole process (pages rendered during a run share it), set back to V8's own choice when the last
// run in the process ends. An operator who starts Node with their own --heap-growing-percent keeps it.
import v8 from "node:v8";

let holders = 0;
const operatorsOwn = () => process.execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a));

/** Fixes the heap's growth at `percent` until the returned release is called (unset or 0: V8's own, nothing set). */
export function holdHeapGrowth(percent: number | undefined): () => void {
  if (!percent || percent <= 0 || operatorsOwn()) return () => {};
  if (holders++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) v8.setFlagsFromString("--heap-growing-percent=0");
  };
}
