// `npm run bench:sync [-- --scenario full|incremental|throttle|million|enrichment|relist|first-load|rss|all] [--findings N] [--accounts N] [--rate N] [--rounds N]`
// Prints the sync figures that docs/benchmarks.md records. Needs the local PostgreSQL
// (TEST_DATABASE_URL, default postgresql://inspectorate:inspectorate@127.0.0.1:5432/inspectorate).
// Memory diagnostics, off by default: BENCH_MEMORY_TRACE=<csv> (memory-trace.ts), BENCH_HEAP_SNAPSHOTS=<dir>
// (heap-snapshots.ts, relist and million scenarios), BENCH_ALLOC_PROFILE=<file prefix> (alloc-profile.ts),
// BENCH_EMULATOR_PROFILE=<dir> (the emulator's CPU profile, emulator-process.ts). Write path
// switches: BENCH_WRITE_CONCURRENCY, BENCH_PARTITIONS, BENCH_BATCH_SIZE, BENCH_QUEUE_MB=<n> (run-bench-sync.ts), BENCH_*_TRIGGERS / BENCH_WRITER_TURN, BENCH_KEEP_DB=1 (bench-db.ts).
// The sync runs with the memory settings a server process gets (lib/ops/server-memory-env.ts), as
// `npm run sync` does: set MALLOC_* or NODE_OPTIONS=--max-semi-space-size=<MB> yourself to measure others.
import os from "node:os";
import { parseArgs } from "node:util";
import { rerunWithServerMemoryEnv } from "@/lib/ops/server-memory-env";
import { benchDatabaseBeside } from "./bench-db";
import { compareCopyAndUpsert } from "./copy-vs-upsert";
import { startEmulatorProcess } from "./emulator-process";
import { benchConfig, benchSync } from "./run-bench-sync";
import { enrichmentComparison } from "./enrichment-bench";
import { relistFigures } from "./relist-bench";
import { rssComparison } from "./rss-comparison";
import { progressLine } from "../progress-line";
import type { SyncProgress } from "../progress";
import { fmt } from "./bench-format";
import { heapSnapshotter } from "./heap-snapshots";

await rerunWithServerMemoryEnv();
const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "all" }, findings: { type: "string" }, rate: { type: "string", default: "20" }, accounts: { type: "string" },
    verbose: { type: "boolean", default: false }, rounds: { type: "string", default: "3" },
  },
});
let lastLine = 0;
const watch = (p: SyncProgress) => {
  if (!values.verbose || performance.now() - lastLine < 1000) return;
  lastLine = performance.now();
  console.log(`    ${progressLine(p)}`);
};
const want = (s: string) => values.scenario === "all" || values.scenario === s;
const REGIONS = ["us-east-1", "eu-west-1"];

console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}`);

async function fullAndIncremental(findings: number) {
  // A quarter of the emulator's usual daily change: the 1% churn for the incremental run.
  const emu = await startEmulatorProcess(["--accounts", "40", "--findings", String(findings), "--regions", REGIONS.join(","), "--seed", "11", "--daily-churn", "0.25"]);
  const database = await benchDatabaseBeside(emu);
  try {
    const config = benchConfig(emu, REGIONS);
    const full = await benchSync(database, emu, config, watch);
    const cpu = full.cpu;
    const l = full.listingCpu;
    console.log(`  CPU seconds: sync process ${fmt(cpu.sync, 1)}, emulator ${fmt(cpu.emulator, 1)}, PostgreSQL server ${fmt(cpu.postgres, 1)}` +
      (l ? `; of which during the listing: ${fmt(l.sync, 1)}, ${fmt(l.emulator, 1)}, ${fmt(l.postgres, 1)} ` +
        `(${fmt((1e6 * (l.sync + l.emulator + l.postgres)) / full.findings)} µs per finding)` : ""));
    // Ingested = listed, written and indexed: a first load builds the findings indexes afterwards.
    const index = (full.result.indexRebuildMs ?? 0) / 1000;
    const ingest = full.findingsSeconds + index;
    console.log(`full sync: ${fmt(full.findings)} findings, ${fmt(full.pages)} pages; listing+writes ${fmt(full.findingsSeconds, 1)} s` +
      ` + index build ${fmt(index, 1)} s = ${fmt(ingest, 1)} s = ${fmt(full.findings / ingest)} findings/s; whole run ${fmt(full.seconds, 1)} s ` +
      `(${full.result.outcome}); peak RSS ${fmt(full.peakRssMb)} MB`);
    if (want("incremental") || values.scenario === "all") {
      await emu.advance(1);
      const inc = await benchSync(database, emu, config);
      const partitions = inc.result.regions.reduce((n, r) => n + (r.findings?.partitions.length ?? 0), 0);
      const listPages = inc.result.regions.reduce((n, r) => n + (r.findings?.partitions.reduce((m, p) => m + p.pages, 0) ?? 0), 0);
      console.log(`incremental after 1 simulated day: ${fmt(inc.findings)} changed findings (${fmt((100 * inc.findings) / full.findings, 2)}% churn), ` +
        `${fmt(listPages)} ListFindings pages (changed/100 = ${fmt(inc.findings / 100, 1)}, partitions = ${partitions}); ` +
        `listing ${fmt(inc.findingsSeconds, 2)} s = ${fmt((100 * inc.findingsSeconds) / ingest, 1)}% of the full ingest; ` +
        `whole run ${fmt(inc.seconds, 1)} s = ${fmt((100 * inc.seconds) / full.seconds, 1)}% of the full run`);
      for (const r of inc.result.regions) {
        console.log(`    ${r.region}: findings ${fmt((r.timings?.findingsMs ?? 0) / 1000, 2)} s, coverage after them ${fmt((r.timings?.coverageMs ?? 0) / 1000, 2)} s, ` +
          `integrity ${fmt((r.timings?.integrityMs ?? 0) / 1000, 2)} s, region total ${fmt(r.durationMs / 1000, 2)} s; ${fmt(r.coverage?.listed ?? 0)} covered resources in ${fmt(r.coverage?.pages ?? 0)} pages`);
      }
    }
    if (values.scenario === "all" || values.scenario === "full") {
      const c = await compareCopyAndUpsert(database);
      console.log(`write path on ${fmt(c.rows)} rows: bulk upsert ${fmt(c.upsertPerSec)} rows/s vs COPY ${fmt(c.copyPerSec)} rows/s ` +
        `(upsert = ${fmt((100 * c.upsertPerSec) / c.copyPerSec)}% of COPY)`);
    }
  } finally {
    await database.close();
    await emu.stop();
  }
}

async function throttled(rate: number) {
  const emu = await startEmulatorProcess(["--accounts", "20", "--findings", "30000", "--regions", "us-east-1", "--seed", "5", "--throttle", `ListFindings=${rate}`]);
  const database = await benchDatabaseBeside(emu);
  try {
    const r = await benchSync(database, emu, benchConfig(emu, ["us-east-1"]), watch);
    const stats = await emu.stats();
    const requests = stats.requests.ListFindings ?? 0;
    const ok = r.result.regions[0].findings?.partitions.reduce((n, p) => n + p.pages, 0) ?? 0;
    console.log(`throttled at ${rate} ListFindings/s: ${fmt(ok)} pages in ${fmt(r.findingsSeconds, 1)} s = ${fmt(ok / r.findingsSeconds, 2)} req/s achieved ` +
      `(${fmt((100 * ok) / r.findingsSeconds / rate)}% of the limit); ${fmt(requests - ok)} throttled responses of ${fmt(requests)} requests ` +
      `(${fmt((100 * (requests - ok)) / requests, 1)}%); ${r.result.outcome}, ${fmt(r.findings)} findings`);
  } finally {
    await database.close();
    await emu.stop();
  }
}

async function million(findings: number) {
  const emu = await startEmulatorProcess(["--accounts", "60", "--findings", String(findings), "--regions", REGIONS.join(","), "--seed", "3"]);
  const database = await benchDatabaseBeside(emu);
  try {
    const snapshot = heapSnapshotter(`million-${findings}`, findings);
    const r = await benchSync(database, emu, benchConfig(emu, REGIONS), (p) => { watch(p); snapshot?.(p); });
    const ingest = r.findingsSeconds + (r.result.indexRebuildMs ?? 0) / 1000;
    console.log(`${fmt(r.findings)} findings: peak RSS of the syncing process ${fmt(r.peakRssMb)} MB (V8 heap in use ${fmt(r.peakHeapMb)} MB, ` +
      `outside it ${fmt(r.peakExternalMb)} MB); listing+writes ${fmt(r.findingsSeconds, 1)} s ` +
      `+ index build ${fmt((r.result.indexRebuildMs ?? 0) / 1000, 1)} s (${fmt(r.findings / ingest)} findings/s); whole run ${fmt(r.seconds, 1)} s (${r.result.outcome}); ` +
      `${fmt(r.batches)} batches of ${fmt(r.findings / Math.max(1, r.batches))} on average; CPU sync / emulator / PostgreSQL ` +
      `${fmt(r.cpu.sync, 1)} / ${fmt(r.cpu.emulator, 1)} / ${fmt(r.cpu.postgres, 1)} s` +
      (r.peakLiveHeap ? `; live heap after a full collection at most ${fmt(r.peakLiveHeap.mb)} MB (at ${fmt(r.peakLiveHeap.atSeconds)} s)` : ""));
  } finally {
    await database.close();
    await emu.stop();
  }
}

if (want("full") || want("incremental")) await fullAndIncremental(Number(values.findings ?? 200_000));
if (want("throttle")) await throttled(Number(values.rate));
if (values.scenario === "enrichment") await enrichmentComparison(Number(values.findings ?? 200_000), REGIONS);
if (want("million")) await million(Number(values.findings ?? 1_000_000));
// Issue 16: ingest vs COPY, peak RSS, and a daily full re-listing's bytes against a first load's.
if (values.scenario === "relist") await relistFigures(Number(values.findings ?? 200_000), Number(values.accounts ?? 200), REGIONS);
// The same organization's first load alone (no re-listing, no COPY): to compare settings run after run.
if (values.scenario === "first-load") await relistFigures(Number(values.findings ?? 200_000), Number(values.accounts ?? 200), REGIONS, { copy: false, relist: false });
// Issue 16's memory bar: 200k and 2M first loads in turn, --rounds times, each in its own process.
if (values.scenario === "rss") await rssComparison(Number(values.rounds), values.accounts === undefined ? undefined : Number(values.accounts));
process.exit(0);
