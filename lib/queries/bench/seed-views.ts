// Fills a PostgreSQL database with a synthetic organization for developing and benchmarking the
// posture views. Usage (local PostgreSQL 15):
//   npx tsx lib/queries/bench/seed-views.ts --db inspectorate_bench --accounts 1000 --findings 1000000
// The database is created on the server of $BENCH_SERVER_URL (default: the local test server) if missing.
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations";
import { deferFindingIndexesIfEmpty, restoreDeferredIndexes } from "@/lib/db/deferred-indexes";
import { seedSteps } from "./seed-sql";
import { compactRaw } from "@/lib/sync/write/compact-raw";
import { dropLoadIndexes, restoreLoadIndexes } from "./seed-indexes";

export const benchServer = process.env.BENCH_SERVER_URL ?? "postgresql://inspectorate:inspectorate@127.0.0.1:5432/inspectorate";

export function databaseUrl(name: string): string {
  const url = new URL(benchServer);
  url.pathname = `/${name}`;
  return url.toString();
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const name = arg("db", "inspectorate_bench");
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("--db must be a plain lower-case identifier");
  const accounts = Number(arg("accounts", "1000"));
  const findings = Number(arg("findings", "1000000"));
  const admin = new pg.Client({ connectionString: benchServer });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`); // name checked above
  await admin.end();
  const url = databaseUrl(name);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  await client.query("SET maintenance_work_mem = '512MB'");
  // The findings' secondary indexes are built once after the load (as a first sync does): at 10M
  // rows, maintaining them row by row would take most of the seeding time.
  const pool = new pg.Pool({ connectionString: url, max: 2, options: "-c maintenance_work_mem=512MB" });
  let restore: Awaited<ReturnType<typeof dropLoadIndexes>> = [];
  for (const step of seedSteps) {
    const started = performance.now();
    const params = step.sql.includes("$2") ? [accounts, findings] : step.sql.includes("$1") ? [accounts] : undefined;
    await client.query(step.sql, params);
    if (step.name === "reset") {
      console.log(`${"deferred indexes".padEnd(20)} ${await deferFindingIndexesIfEmpty(pool)}`);
      restore = await dropLoadIndexes(client);
    }
    console.log(`${step.name.padEnd(20)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // A synced cache holds each finding's raw JSON in pieces (lib/domain/raw-finding-parts.ts): split
  // here with the sync's own code while the secondary indexes are still down, then compacted.
  let started = performance.now();
  const split = await compactRaw(pool, { batchSize: 5_000 });
  await client.query("VACUUM FULL findings");
  console.log(`${"raw JSON split".padEnd(20)} ${split.split} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  console.log(`${"indexes rebuilt".padEnd(20)} ${await restoreDeferredIndexes(pool, 2)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await pool.end();
  started = performance.now();
  await restoreLoadIndexes(client, restore);
  console.log(`${"other indexes".padEnd(20)} ${restore.length} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  await client.query("VACUUM ANALYZE");
  console.log(`${"vacuum analyze".padEnd(20)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const counts = await client.query("SELECT (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM findings) AS findings, (SELECT count(*) FROM finding_events) AS events, (SELECT count(*) FROM covered_resources) AS coverage, pg_size_pretty(pg_database_size(current_database())) AS size");
  console.log(counts.rows[0]);
  await client.end();
  console.log(`DATABASE_URL=${url}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
