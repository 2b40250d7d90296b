// Which index served what: every index of the large tables with its size per finding and how often
// the planner used it since the statistics were reset. Run it around the views bench:
//   DATABASE_URL=… npx tsx lib/queries/bench/index-usage.ts --reset && npm run bench:views && npx tsx lib/queries/bench/index-usage.ts
// An index with no scans after the bench is served by no view the bench covers (check docs/indexes.md
// for the writers and pages outside it before dropping one).
import { db } from "@/lib/db/client";
import { Prisma, queryRows } from "@/lib/queries/sql";

const tables = ["findings", "finding_other_resources", "finding_events", "covered_resources", "daily_snapshots", "coverage_snapshots", "vulnerability_intel"];

if (process.argv.includes("--reset")) {
  await queryRows(Prisma.sql`SELECT pg_stat_reset()`, "primary");
  console.log("index statistics reset");
} else {
  const [{ n }] = await queryRows<{ n: number }>(Prisma.sql`SELECT greatest(reltuples, 1)::float8 AS n FROM pg_class WHERE oid = 'findings'::regclass`);
  const rows = await queryRows<{ table: string; index: string; bytes: number; scans: number; tuples: number }>(Prisma.sql`
    SELECT s.relname AS table, s.indexrelname AS index, pg_relation_size(s.indexrelid)::float8 AS bytes, s.idx_scan::float8 AS scans, s.idx_tup_read::float8 AS tuples
    FROM pg_stat_user_indexes s WHERE s.relname = ANY(${tables}::text[]) ORDER BY s.relname, pg_relation_size(s.indexrelid) DESC`);
  console.log(`${"index".padEnd(66)} ${"B/finding".padStart(9)} ${"scans".padStart(9)} ${"tuples read".padStart(12)}`);
  for (const r of rows) {
    console.log(`${r.index.padEnd(66)} ${Math.round(r.bytes / n).toString().padStart(9)} ${r.scans.toString().padStart(9)} ${r.tuples.toString().padStart(12)}`);
  }
  const total = rows.reduce((s, r) => s + r.bytes, 0);
  console.log(`all these indexes: ${(total / 1e9).toFixed(2)} GB, ${Math.round(total / n)} B/finding over ${Math.round(n)} findings`);
}
await db().close();
