// Prints EXPLAIN ANALYZE for the explorer's page and count queries of one filter (bench helper).
//   DATABASE_URL=… npx tsx lib/queries/bench/explain.ts "severity=HIGH&sort=severity"
import { db } from "@/lib/db/client";
import { allScope } from "@/lib/queries/scope";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { findingsWhere } from "@/lib/queries/findings/findings-where";
import { orderBy, sortSegments } from "@/lib/queries/findings/findings-sort";
import { Prisma, queryRows } from "@/lib/queries/sql";

const { filter } = parseFindingsFilter(new URLSearchParams(process.argv[2] ?? ""));
const where = findingsWhere(allScope, filter);
const explain = async (label: string, q: Prisma.Sql) => {
  const rows = await queryRows<{ "QUERY PLAN": string }>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`);
  console.log(`--- ${label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
};
const seg = sortSegments(filter.sort, filter.severity)[0];
await explain("page (first segment)", Prisma.sql`SELECT f.arn FROM findings f WHERE ${where} AND ${seg.where} ORDER BY ${orderBy(seg)} LIMIT 51`);
await explain("count (capped)", Prisma.sql`SELECT count(*) FROM (SELECT 1 FROM findings f WHERE ${where} LIMIT 10001) c`);
await db().close();
