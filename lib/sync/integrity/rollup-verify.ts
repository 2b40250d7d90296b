// After a full sync: the rollups are compared with a recount of the findings; drift is repaired
// (recomputed) and said in the run's notes, and every check is logged with what it found.
import type pg from "pg";
import { log } from "@/lib/ops/logger";
import { DERIVED_ROLLUPS, openRollupDrift, rebuildRollups, rollupDrift } from "./rollup-check";

type Queryable = Pick<pg.Pool, "query" | "connect">;

export interface RollupVerdict {
  /** Cells that differed from the recount (0: consistent). */
  drift: number;
  repaired: boolean;
  /** Empty cells (every count 0) removed. */
  pruned: number;
  ms: number;
}

export async function verifyRollups(pool: Queryable): Promise<RollupVerdict> {
  const t0 = performance.now();
  const cells = [...(await rollupDrift(pool)), ...(await openRollupDrift(pool))];
  if (cells.length) await rebuildRollups(pool);
  // Cells whose findings all left (closed out, gone, moved) stay at zero until here.
  let pruned = (await pool.query("DELETE FROM finding_rollups WHERE findings = 0 AND exploitable = 0 AND fixable = 0")).rowCount ?? 0;
  for (const { table, values } of DERIVED_ROLLUPS) pruned += (await pool.query(`DELETE FROM ${table} WHERE ${values.map((v) => `${v} = 0`).join(" AND ")}`)).rowCount ?? 0;
  const verdict = { drift: cells.length, repaired: cells.length > 0, pruned, ms: Math.round(performance.now() - t0) };
  if (cells.length) log().warn({ ...verdict, sample: cells.slice(0, 5) }, "finding rollups drifted from the findings; recomputed");
  else log().info(verdict, "finding rollups match a recount of the findings");
  return verdict;
}
