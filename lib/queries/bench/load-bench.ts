// Many concurrent viewers against a running production app (`npm run build`, then `npm run start`
// with DATABASE_URL at a seeded cache): autocannon on each path in turn, one line per path.
//   BASE_URL=http://127.0.0.1:3223 npx tsx lib/queries/bench/load-bench.ts [--connections 50] [--duration 20] [path …]
// Prints p50/p99 latency, requests/s, bytes/s, non-2xx answers, errors and timeouts.
import autocannon from "autocannon";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3223";
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const connections = option("connections", 50);
const duration = option("duration", 20);
const named = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
export const defaultPaths = [
  "/",
  "/api/overview/heatmap",
  "/findings?package=openssl&region=us-east-1",
  "/api/findings?package=openssl&region=us-east-1",
  "/api/findings?severity=CRITICAL&sort=age",
  "/api/findings?group=cve&severity=HIGH",
];
const paths = named.length ? named : defaultPaths;

console.log(`${connections} connections, ${duration} s per path, against ${base}`);
for (const path of paths) {
  await fetch(`${base}${path}`).then((r) => r.arrayBuffer()); // one warm-up (compile, caches)
  const r = await autocannon({ url: `${base}${path}`, connections, duration, timeout: 30 });
  const failed = r.non2xx + r.errors + r.timeouts;
  console.log(
    `${path.slice(0, 56).padEnd(56)} p50 ${String(r.latency.p50).padStart(6)} ms  p99 ${String(r.latency.p99).padStart(6)} ms  ` +
      `${r.requests.average.toFixed(1).padStart(6)} req/s  ${(r.throughput.average / 1e6).toFixed(2)} MB/s  ` +
      `${r.requests.total} requests, ${failed ? `${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` : "no errors"}`,
  );
}
