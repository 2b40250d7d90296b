// After a full listing: shared raw parts (lib/domain/raw-finding-parts.ts) that no finding points to
// any more are deleted. A finding rewritten with a new vulnerability text or new resource details
// leaves its old part behind, and at 1 % daily churn those would pile up. One pass over findings
// collects the part ids in use (a few per vulnerability and resource: a small hash), then the parts
// table is anti-joined against it. The run holds the sync lock, and db:compact-raw takes the same
// lock, so no writer can point a finding at a part between this check and the delete.
import type pg from "pg";
import { log } from "@/lib/ops/logger";

type Queryable = Pick<pg.Pool, "query">;

export const PRUNE_RAW_PARTS_SQL = `
WITH used AS (
  SELECT DISTINCT v.id FROM findings f CROSS JOIN LATERAL (VALUES (f.raw_vulnerability_part), (f.raw_resources_part), (f.raw_installed_part)) AS v(id)
  WHERE v.id IS NOT NULL
)
DELETE FROM finding_raw_parts p WHERE NOT EXISTS (SELECT 1 FROM used WHERE used.id = p.id)`;

export async function pruneRawParts(pool: Queryable): Promise<{ pruned: number; ms: number }> {
  const t0 = performance.now();
  const pruned = (await pool.query(PRUNE_RAW_PARTS_SQL)).rowCount ?? 0;
  const verdict = { pruned, ms: Math.round(performance.now() - t0) };
  log().info(verdict, "raw JSON parts no finding points to deleted");
  return verdict;
}
