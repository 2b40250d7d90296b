// `npx tsx lib/sync/bench/write-path-cost.ts [--source <database url>] [--rows 100000] [--rounds 2]`
// What one finding costs the database on a first load's write path, piece by piece: the same rows
// (read back from a synced cache, by default the 1M views bench's) written into fresh databases in
// the first load's bulk mode (secondary indexes deferred), one writer, five ways alternated per page (each first in turn):
// the sync's bulk upsert and a plain COPY, each with the rollup triggers and without them, and the
// first load's insert (INSERT_NEW_FINDINGS_SQL) with them. Prints
// the PostgreSQL server's CPU (every process of the local server) and this process's, per row.
// Needs the local PostgreSQL (TEST_DATABASE_URL, as bench:sync) and the source cache.
import { parseArgs } from "node:util";
import { createDatabase, type Database } from "@/lib/db/client";
import { deferFindingIndexesIfEmpty } from "@/lib/db/deferred-indexes";
import type { FindingRow } from "../map/finding-row";
import { benchDatabase, KEY_ROLLUP_TRIGGERS, ROLLUP_TRIGGERS, WRITER_TURN_TRIGGER } from "./bench-db";
import { copyPage, readRows, upsertPage, type StoredRaw } from "./copy-vs-upsert";
import { cpuMeter } from "./cpu-usage";
import { fmt } from "./bench-format";

const ALL_ROLLUP_TRIGGERS = [...ROLLUP_TRIGGERS, ...KEY_ROLLUP_TRIGGERS, WRITER_TURN_TRIGGER];

const { values } = parseArgs({ options: {
  source: { type: "string", default: "postgresql://inspectorate:inspectorate@127.0.0.1:5432/inspectorate_bench" },
  rows: { type: "string", default: "100000" }, rounds: { type: "string", default: "2" },
} });
const wanted = Number(values.rows), rounds = Number(values.rounds);
if (!Number.isInteger(wanted) || wanted < 1000) throw new Error(`--rows: expected a whole number of at least 1000, got ${values.rows}`);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: expected a whole number of at least 1, got ${values.rounds}`);

type Write = (db: Database, page: FindingRow[], stored: StoredRaw[], parts: Map<string, string>, copied: Set<string>) => Promise<void>;
type Way = { name: string; triggers: boolean; write: Write };
// 500 rows to a statement both ways, as the sync's batches.
const upsert: Write = (db, page) => upsertPage(db, page, 500);
const copy: Write = (db, page, stored, parts, copied) => copyPage(db, page, stored, parts, copied, 500);
const insert: Write = (db, page) => upsertPage(db, page, 500, true);
const ways: Way[] = [
  { name: "bulk upsert, rollup triggers on", triggers: true, write: upsert },
  { name: "first load's insert, triggers on", triggers: true, write: insert },
  { name: "bulk upsert, rollup triggers off", triggers: false, write: upsert },
  { name: "COPY, rollup triggers on", triggers: true, write: copy },
  { name: "COPY, rollup triggers off", triggers: false, write: copy },
];

const source = createDatabase(values.source!, 2);
for (let round = 1; round <= rounds; round++) {
  const targets = await Promise.all(ways.map(async (w) => {
    const db = await benchDatabase();
    await deferFindingIndexesIfEmpty(db.pool);
    if (!w.triggers) await db.pool.query(`ALTER TABLE findings ${ALL_ROLLUP_TRIGGERS.map((t) => `DISABLE TRIGGER ${t}`).join(", ")}`);
    return { way: w, db, copied: new Set<string>(), pg: 0, own: 0, wall: 0 };
  }));
  // The whole local server's CPU (found by a backend of one target): backends, WAL writer, checkpoints.
  const meter = cpuMeter(undefined, new URL(targets[0].db.url).pathname.slice(1));
  const pgCpu = () => meter().postgres;
  let rows = 0;
  let pageNo = 0;
  for await (const { rows: page, stored, parts } of readRows(source, 10_000)) {
    const take = Math.min(page.length, wanted - rows);
    rows += take;
    // Each way goes first in turn: the first write after a page is read pays that page's garbage collection.
    const turn = pageNo++ % targets.length;
    for (const t of [...targets.slice(turn), ...targets.slice(0, turn)]) {
      const pg0 = pgCpu(), own0 = process.cpuUsage(), t0 = performance.now();
      await t.way.write(t.db, page.slice(0, take), stored.slice(0, take), parts, t.copied);
      const own = process.cpuUsage(own0);
      t.wall += performance.now() - t0;
      t.pg += pgCpu() - pg0;
      t.own += (own.user + own.system) / 1e6;
    }
    if (rows >= wanted) break;
  }
  console.log(`round ${round}: ${fmt(rows)} rows per way, secondary indexes deferred, one writer`);
  for (const t of targets) {
    const us = (s: number) => fmt((1e6 * s) / rows, 1);
    console.log(`  ${t.way.name.padEnd(34)} PostgreSQL ${us(t.pg).padStart(5)} µs/row   this process ${us(t.own).padStart(5)} µs/row   wall ${fmt((1000 * t.wall) / rows, 1).padStart(5)} µs/row`);
  }
  await Promise.all(targets.map((t) => t.db.close()));
}
await source.close();
process.exit(0);
