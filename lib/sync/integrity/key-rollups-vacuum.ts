// After a full listing: open_key_rollups vacuumed, so the severity groups' account counts stay
// index-only (lib/queries/findings/key-groups.ts, severityAccountsSql). A day's changes update rollup
// rows all over the table, and each update clears its page's all-visible bit. Autovacuum waits for a
// fifth of the table to be dead rows, days at 1 % churn, and meanwhile an index-only count reads the
// heap row of every entry on such a page, as it did before the key carried the counts. One row per
// key × region × account (3.7M at 10M findings), and only pages changed since the last pass are read.
// Plain VACUUM: reads and writes go on meanwhile.
import type pg from "pg";
import { log } from "@/lib/ops/logger";

type Queryable = Pick<pg.Pool, "query">;

export async function vacuumKeyRollups(pool: Queryable): Promise<{ ms: number }> {
  const t0 = performance.now();
  await pool.query("VACUUM open_key_rollups");
  const verdict = { ms: Math.round(performance.now() - t0) };
  log().info(verdict, "key rollups vacuumed after the full listing");
  return verdict;
}
