// End-to-end server time of pages and APIs through `next start` (render and payload included):
//   BASE_URL=http://127.0.0.1:3300 npx tsx lib/queries/bench/http-bench.ts --runs 20 / "/findings?severity=CRITICAL" …
const base = process.env.BASE_URL ?? "http://127.0.0.1:3300";
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 20;
const paths = args.filter((_, i) => i !== runsAt && i !== runsAt + 1);

for (const path of paths) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    const res = await fetch(`${base}${path}`);
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    if (i >= 2) times.push(performance.now() - t);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.ceil(q * times.length) - 1].toFixed(0);
  console.log(`${path.slice(0, 70).padEnd(70)} p50 ${p(0.5).padStart(5)} ms  p95 ${p(0.95).padStart(5)} ms  ${(bytes / 1024).toFixed(0)} KB`);
}
export {};
