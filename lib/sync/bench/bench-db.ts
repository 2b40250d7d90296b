// A fresh, migrated database on the local PostgreSQL server for one benchmark scenario.
import { createEmptyTestDatabase } from "@/lib/db/test-database";
import { applyMigrations } from "@/lib/db/migrations";
import { createDatabase, type Database } from "@/lib/db/client";
import type { EmulatorProcess } from "./emulator-process";

export const ROLLUP_TRIGGERS = ["finding_rollups_insert", "finding_rollups_update", "finding_rollups_delete", "finding_rollups_truncate"];
export const KEY_ROLLUP_TRIGGERS = ["open_key_rollups_insert", "open_key_rollups_update", "open_key_rollups_delete", "open_key_rollups_truncate"];
/** The writers' turn at the rollups (migration *_rollups_writer_turn). */
export const WRITER_TURN_TRIGGER = "finding_0_rollups_writer_turn";

export const LOCAL_POSTGRES = "postgresql://inspectorate:inspectorate@127.0.0.1:5432/inspectorate";

export async function benchDatabase(): Promise<Database & { url: string }> {
  process.env.TEST_DATABASE_URL ??= LOCAL_POSTGRES;
  const empty = await createEmptyTestDatabase();
  await applyMigrations(empty.url);
  const database = createDatabase(empty.url, 10);
  // BENCH_ROLLUP_TRIGGERS=off: the write path without the rollup triggers, to measure what they cost. The
  // integrity check reads the (then empty) rollups and re-lists every account: compare write paths only.
  if (process.env.BENCH_ROLLUP_TRIGGERS === "off") {
    await database.pool.query(`ALTER TABLE findings ${ROLLUP_TRIGGERS.map((t) => `DISABLE TRIGGER ${t}`).join(", ")}`);
  }
  // BENCH_KEY_ROLLUP_TRIGGERS=off: without the CVE groups' rollups alone (the check after a full sync
  // then finds them empty and rebuilds them: compare the ingest, not the whole run).
  if (process.env.BENCH_KEY_ROLLUP_TRIGGERS === "off") {
    await database.pool.query(`ALTER TABLE findings ${KEY_ROLLUP_TRIGGERS.map((t) => `DISABLE TRIGGER ${t}`).join(", ")}`);
  }
  // BENCH_WRITER_TURN=off: the concurrent writers' rollup work not taking turns (migration
  // *_rollups_writer_turn), so they can lose deadlocks to each other again.
  if (process.env.BENCH_WRITER_TURN === "off") await database.pool.query(`ALTER TABLE findings DISABLE TRIGGER ${WRITER_TURN_TRIGGER}`);
  return {
    ...database,
    url: empty.url,
    async close() {
      await database.close();
      // BENCH_KEEP_DB=1: left in place for inspection (table sizes, dead rows); drop it yourself.
      if (process.env.BENCH_KEEP_DB === "1") console.log(`database kept: ${empty.url.replace(/\/\/[^@]*@/, "//")}`);
      else await empty.drop();
    },
  };
}

/** benchDatabase for a scenario whose emulator is already running: a database that cannot be
 *  reached stops the emulator (GBs at 2M findings) before the error goes on. */
export async function benchDatabaseBeside(emu: EmulatorProcess): Promise<Database & { url: string }> {
  return benchDatabase().catch(async (e: unknown) => {
    await emu.stop();
    throw e;
  });
}
