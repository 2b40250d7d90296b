// The issue-16 sync figures on one emulated organization: a first load (ingest rate, peak RSS, bytes
// written), then a simulated day (about 1% churn) and a forced full re-listing, whose bytes written
// are set against the load's, then a COPY of the cache's rows into an empty database on the same run.
import type { Database } from "@/lib/db/client";
import type { SyncConfig } from "../sync-config";
import { benchDatabaseBeside } from "./bench-db";
import { compareCopyAndUpsert } from "./copy-vs-upsert";
import { writeDelta, writeSnapshot, type WriteDelta } from "./db-writes";
import { startEmulatorProcess, type EmulatorProcess } from "./emulator-process";
import { benchConfig, benchSync, type BenchRun } from "./run-bench-sync";
import { walByRelation, walTotals } from "./wal-by-relation";
import { heapSnapshotter } from "./heap-snapshots";
import { fmt } from "./bench-format";

const mb = (b: number) => `${fmt(b / 2 ** 20, 1)} MB`;
const rows = (d: WriteDelta) =>
  d.tables.slice(0, 6).map((t) => `${t.table} +${fmt(t.ins)}/~${fmt(t.upd)}${t.hot ? ` (${fmt(t.hot)} HOT)` : ""}/-${fmt(t.del)}`).join(", ");

const liveHeap = (run: BenchRun) =>
  run.peakLiveHeap ? `; live heap after a full collection at most ${fmt(run.peakLiveHeap.mb)} MB (at ${fmt(run.peakLiveHeap.atSeconds)} s)` : "";

/** Where the first load's CPU went, per finding: this process (the sync), the emulator (which AWS
 *  would run elsewhere) and the PostgreSQL server; the ingest rate is bounded by their sum on 2 cores. */
function cpuLine(run: BenchRun): string {
  const per = (s: number) => (Number.isNaN(s) ? "— (server not on this machine)" : fmt((1e6 * s) / run.findings));
  const c = run.cpu;
  return `CPU per finding, whole run: sync ${per(c.sync)} µs, emulator ${per(c.emulator)} µs, PostgreSQL server ${per(c.postgres)} µs ` +
    `(${per(c.sync + c.emulator + c.postgres)} µs in all)`;
}

async function measured<T>(database: Database, run: () => Promise<T>): Promise<{ value: T; writes: WriteDelta }> {
  const before = await writeSnapshot(database.pool);
  const value = await run();
  return { value, writes: await writeDelta(database.pool, before, await writeSnapshot(database.pool)) };
}

async function firstLoad(database: Database & { url: string }, emu: EmulatorProcess, config: SyncConfig, findings: number, accounts: number) {
  const load = await measured(database, () => benchSync(database, emu, config, heapSnapshotter(`load-${findings}`, findings)));
  const f = load.value;
  const ingestSeconds = f.findingsSeconds + (f.result.indexRebuildMs ?? 0) / 1000;
  const ingest = f.findings / ingestSeconds;
  console.log(`first load: ${fmt(f.findings)} findings over ${accounts} accounts in ${fmt(ingestSeconds, 1)} s (listing+writes ${fmt(f.findingsSeconds, 1)} + index build ${fmt((f.result.indexRebuildMs ?? 0) / 1000, 1)}) = ` +
    `${fmt(ingest)} findings/s end to end (${f.result.outcome}); then the loaded rows vacuumed in ${fmt((f.result.vacuumMs ?? 0) / 1000, 1)} s (not in the rate: the COPY leaves them unvacuumed too); peak RSS ${fmt(f.peakRssMb)} MB (V8 heap ${fmt(f.peakHeapMb)} MB used, ${fmt(f.peakHeapTotalMb)} MB committed; external ${fmt(f.peakExternalMb)} MB), queue peak ${mb(f.result.queuePeakBytes ?? 0)} of ${mb(f.result.queueCapacityBytes ?? 0)}, ${fmt(f.batches)} batches of ${fmt(f.findings / Math.max(1, f.batches))} on average${liveHeap(f)}`);
  console.log(`  written: WAL ${mb(load.writes.walBytes)}, database +${mb(load.writes.dbBytes)}; rows ${rows(load.writes)}`);
  console.log(`  ${cpuLine(f)}`);
  return { ingest, writes: load.writes };
}

export async function relistFigures(findings: number, accounts: number, regions: string[], { copy = true, relist = true } = {}): Promise<void> {
  const emu = await startEmulatorProcess(["--accounts", String(accounts), "--findings", String(findings), "--regions", regions.join(","), "--seed", "11", "--daily-churn", "0.25"]);
  const database = await benchDatabaseBeside(emu);
  try {
    const config = benchConfig(emu, regions);
    // Only the first load's figures outlive it: its SyncResult (every partition's result, every
    // account's outcome) held through the re-listing would be the bench's memory in the sync's peak.
    const { ingest, writes: loadWrites } = await firstLoad(database, emu, config, findings, accounts);
    if (!relist) return;
    await emu.advance(1);
    const re = await measured(database, () => benchSync(database, emu, config, heapSnapshotter(`relist-${findings}`, findings), true));
    const r = re.value;
    const changed = r.result.regions.reduce((n, g) => n + (g.findings?.partitions.reduce((m, p) => m + p.changed, 0) ?? 0), 0);
    const gone = r.result.regions.reduce((n, g) => n + (g.findings?.gone ?? 0), 0);
    console.log(`daily full re-listing after 1 simulated day: ${fmt(r.findings)} listed, ${fmt(changed)} rewritten (${fmt((100 * changed) / r.findings, 2)}% churn), ` +
      `${fmt(gone)} gone, in ${fmt(r.findingsSeconds, 1)} s (whole run ${fmt(r.seconds, 1)} s, ${r.result.outcome}); peak RSS ${fmt(r.peakRssMb)} MB (V8 heap ${fmt(r.peakHeapMb)} MB used, ${fmt(r.peakHeapTotalMb)} MB committed; external ${fmt(r.peakExternalMb)} MB)${liveHeap(r)}`);
    console.log(`  written: WAL ${mb(re.writes.walBytes)} = ${fmt((100 * re.writes.walBytes) / loadWrites.walBytes, 2)}% of the first load's (target < 5%), ` +
      `database +${mb(re.writes.dbBytes)}; rows ${rows(re.writes)}`);
    console.log(`  WAL ranges (pg_waldump --stats=record): first load ${loadWrites.lsnRange.from}..${loadWrites.lsnRange.to}, ` +
      `re-listing ${re.writes.lsnRange.from}..${re.writes.lsnRange.to}`);
    // The share of the WAL that is the changes themselves, and of PostgreSQL's full-page images (which
    // depend on the server's checkpoints and full_page_writes, not on what the sync writes).
    const loadTotals = await walTotals(database.pool, loadWrites.lsnRange.from, loadWrites.lsnRange.to);
    const reTotals = loadTotals && (await walTotals(database.pool, re.writes.lsnRange.from, re.writes.lsnRange.to));
    if (loadTotals && reTotals) {
      console.log(`  WAL records / full-page images: first load ${mb(loadTotals.recordBytes)} / ${mb(loadTotals.fpiBytes)}, ` +
        `re-listing ${mb(reTotals.recordBytes)} / ${mb(reTotals.fpiBytes)}; the re-listing's records alone = ` +
        `${fmt((100 * reTotals.recordBytes) / loadTotals.recordBytes, 2)}% of the first load's records`);
    }
    const byRelation = await walByRelation(database.pool, re.writes.lsnRange.from, re.writes.lsnRange.to);
    if (byRelation) {
      console.log(`  re-listing's WAL by relation (record bytes + full-page images): ` +
        byRelation.map((w) => `${w.relation} ${mb(w.bytes)} + ${mb(w.fpiBytes)}`).join(", "));
    }
    if (copy) {
      const c = await compareCopyAndUpsert(database, 500, false);
      console.log(`  COPY (after the re-listing) of the cache's ${fmt(c.rows)} rows into an empty findings table: ${fmt(c.copyPerSec)} rows/s; ` +
        `end-to-end ingest = ${fmt(ingest / c.copyPerSec, 3)} x COPY (target >= 0.8)`);
    }
  } finally {
    await database.close();
    await emu.stop();
  }
}
