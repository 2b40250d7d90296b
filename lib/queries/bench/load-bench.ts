// Many concurrent viewers against a running production app (`npm run build`, then `npm run start`
// with DATABASE_URL at a seeded cache): autocannon on each path in turn, one line per path.
//   BASE_URL=http://127.0.0.1:3223 npx tsx lib/queries/bench/load-bench.ts [--connections 50] [--duration 20] [--warmup 5] [path …]
// Each path is first asked for --warmup seconds with the same connections, unmeasured: the figures
// are the steady state (a server that just started compiles its code on the first requests).
// Prints p50/p99 latency, requests/s, bytes/s, non-2xx answers, errors and timeouts. A path with
// "{i}" asks a different question each request ({i} = 1, 2, … up to --distinct, then again); as an age
// in days ({i} in ageMin) every question still matches findings (the oldest open finding of the synced
// 1M cache is 354 days old, the median 46). "{j}" is 400 plus the times {i} started over: as ageMax
// (older than every finding, so the answer is the same) it makes each question one never asked before
// in the run. Without it the memos answered some: the default --distinct, 300, is more than the
// explorer's memo keeps (256), but each of two web workers sees only its share of the questions, ~150
// a round, so a question asked again on the same worker a round later was still remembered (found in
// the forty-first pass; the passes before it measured those paths without {j}). Until the thirty-eighth
// pass the default was 100,000: a 20 s run at ~700 requests/s then asked ages up to ~38 years, nearly
// all of which matched nothing and cost little.
import autocannon from "autocannon";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3223";
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const connections = option("connections", 50);
const duration = option("duration", 20);
const distinct = option("distinct", 300);
const warmup = option("warmup", 5);
const named = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
export const defaultPaths = [
  "/",
  "/api/overview/heatmap",
  "/findings?package=openssl&region=us-east-1",
  "/api/findings?package=openssl&region=us-east-1",
  "/api/findings?severity=CRITICAL&sort=age",
  "/api/findings?group=cve&severity=HIGH",
  // Every viewer a different question, never asked before in the run: the memos do not help.
  "/api/findings?severity=HIGH&ageMin={i}&ageMax={j}",
  "/api/findings?package=openssl&ageMin={i}&ageMax={j}",
  // The explorer's page as a viewer opens it, each viewer a different question, on the filters that cost
  // the most alone (docs/benchmarks.md, thirty-eighth pass).
  "/findings?cve=CVE-2024-0727&ageMin={i}&ageMax={j}",
  "/findings?package=openssl-libs&sort=severity&ageMin={i}&ageMax={j}",
  "/findings?exploit=YES&fix=YES&ageMin={i}&ageMax={j}",
  "/findings?resource=%3A%24LATEST&ageMin={i}&ageMax={j}",
  "/findings?group=cve&ageMin={i}&ageMax={j}",
  // The other groupings, KEV, tags with a score bound and the closed findings (fortieth pass).
  "/findings?group=package&ageMin={i}&ageMax={j}",
  "/findings?group=resource&ageMin={i}&ageMax={j}",
  "/findings?kev=YES&ageMin={i}&ageMax={j}",
  "/findings?tag=Team%3Apayments&epssMin=0.1&ageMin={i}&ageMax={j}",
  "/findings?status=CLOSED&ageMin={i}&ageMax={j}",
  // How findings closed, those reopened since a date, and the image grouping (forty-first pass).
  "/findings?closure=remediated&ageMin={i}&ageMax={j}",
  "/findings?reopenedFrom=2026-10-01&ageMin={i}&ageMax={j}",
  "/findings?group=image&ageMin={i}&ageMax={j}",
];
const paths = named.length ? named : defaultPaths;

console.log(`${connections} connections, ${duration} s per path after ${warmup} s unmeasured, against ${base}`);
for (const path of paths) {
  let i = 0;
  const next = () => {
    const k = i++;
    return path.replace("{i}", String((k % distinct) + 1)).replace("{j}", String(400 + Math.floor(k / distinct)));
  };
  await fetch(`${base}${next()}`).then((r) => r.arrayBuffer()); // one request first (compile, caches)
  const run = (seconds: number) => autocannon({
    url: `${base}${path.replace("{i}", "0").replace("{j}", "400")}`, connections, duration: seconds, timeout: 30,
    requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }],
  });
  if (warmup > 0) await run(warmup);
  const r = await run(duration);
  const failed = r.non2xx + r.errors + r.timeouts;
  console.log(
    `${path.slice(0, 56).padEnd(56)} p50 ${String(r.latency.p50).padStart(6)} ms  p99 ${String(r.latency.p99).padStart(6)} ms  ` +
      `${r.requests.average.toFixed(1).padStart(6)} req/s  ${(r.throughput.average / 1e6).toFixed(2)} MB/s  ` +
      `${r.requests.total} requests, ${failed ? `${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` : "no errors"}`,
  );
}
