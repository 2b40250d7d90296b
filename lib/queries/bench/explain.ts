// Prints EXPLAIN ANALYZE for the explorer's page and count queries of one filter (bench helper).
//   DATABASE_URL=… npx tsx lib/queries/bench/explain.ts "severity=HIGH&sort=severity"
import { db } from "@/lib/db/client";
import { allScope } from "@/lib/queries/scope";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { findingsWhere } from "@/lib/queries/findings/findings-where";
import { sortSegments } from "@/lib/queries/findings/findings-sort";
import { countSql, pageKeysSql } from "@/lib/queries/findings/findings-search";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { resolveResourceMatch } from "@/lib/queries/findings/resource-match";

// The resource text resolved as the explorer resolves it (lists of ids and findings, either "broad").
const filter = await resolveResourceMatch(parseFindingsFilter(new URLSearchParams(process.argv[2] ?? "")).filter);
const where = findingsWhere(allScope, filter);
const explain = async (label: string, q: Prisma.Sql) => {
  const rows = await queryRows<{ "QUERY PLAN": string }>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`);
  console.log(`--- ${label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
};
const seg = sortSegments(filter.sort, filter.severity)[0];
// The page's key step (findings-search.ts): the ids of the page, then their rows by the id index.
await explain("page keys (first segment)", pageKeysSql(Prisma.sql`${where} AND ${seg.where}`, seg, 51));
await explain("count (capped)", countSql(allScope, filter));
await db().close();
