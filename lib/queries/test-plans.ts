// For tests of the plans reads are shaped for: a statement's EXPLAIN ANALYZE on one connection with
// some of the planner's paths turned off (a test's few hundred rows are cheaper read whole or sorted
// than through any index, which would prove nothing; at 10M findings the planner takes the index
// paths itself), and the plan's scan nodes.
import type pg from "pg";
import type { Prisma } from "@/lib/queries/sql";

export interface PlanNode { "Node Type": string; "Index Name"?: string; "Index Cond"?: string; "Heap Fetches"?: number; Plans?: PlanNode[] }

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** `work` on one connection of `pool` with the planner's `enable_<path>` settings off, reset afterwards. */
export async function withPathsOff<T>(pool: pg.Pool, disabled: string[], work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    for (const path of disabled) await client.query(`SET enable_${path} = off`);
    return await work(client);
  } finally {
    await client.query("RESET ALL");
    client.release();
  }
}

/** The scan (and BitmapAnd) nodes of `sql`'s plan as EXPLAIN ANALYZE ran it, with `disabled` paths off. */
export async function scansOf(pool: pg.Pool, sql: Prisma.Sql, disabled: string[]): Promise<PlanNode[]> {
  return withPathsOff(pool, disabled, async (client) => {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values);
    const plan = rows[0]["QUERY PLAN"];
    return nodes((typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan).filter((n) => /Scan|BitmapAnd/.test(n["Node Type"]));
  });
}
