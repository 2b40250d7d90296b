// A process that holds a steady live set (~80 MB of objects, each replaced after ~100,000 others, as a
// sync's queued findings are) while it allocates ~2 GB, and prints its peak committed V8 heap in MB.
// Its argument says what it does with holdHeapGrowth first: "none", "held" (one hold through the
// churn), "released" (held, then released before it), "one-of-two" (two holds, one released).
import { holdHeapGrowth } from "../heap-growth";

const mode = process.argv[2] ?? "none";
if (mode === "held") holdHeapGrowth(50);
if (mode === "released") holdHeapGrowth(50)();
if (mode === "one-of-two") {
  holdHeapGrowth(50);
  holdHeapGrowth(50)();
}

const ring: unknown[] = new Array(100_000);
let peak = 0;
for (let i = 0; i < 2_500_000; i++) {
  ring[i % ring.length] = { id: i, text: `${i}-`.repeat(100), tags: [i, i + 1] };
  if (i % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
}
console.log(JSON.stringify({ mode, peakHeapMb: Math.round(peak / 2 ** 20) }));
