// After a full listing: the resource aliases (finding_resource_aliases, the names of every resource
// known under more than one, which the resource search adds by a short list) are checked against
// finding_resource_names and mended. Triggers keep them as names come and go, but two transactions
// that each add a different first name of one resource at once, both uncommitted, each see one name
// and copy neither (migration 20261205031641_resource_aliases): the search would then miss the
// resource's findings under the other name. Missing pairs are added, pairs whose name is gone or whose
// resource is down to one name are removed, and how many of each is returned (0 and 0: consistent).
import type pg from "pg";
import { log } from "@/lib/ops/logger";

type Queryable = Pick<pg.Pool, "query">;

export const MISSING_ALIASES_SQL = `
INSERT INTO finding_resource_aliases (resource_id, name, search)
SELECT n.resource_id, n.name, n.search FROM finding_resource_names n
WHERE n.resource_id IN (SELECT resource_id FROM finding_resource_names GROUP BY resource_id HAVING count(*) > 1)
ORDER BY 1, 2
ON CONFLICT DO NOTHING`;

export const STALE_ALIASES_SQL = `
DELETE FROM finding_resource_aliases a
WHERE NOT EXISTS (SELECT 1 FROM finding_resource_names n WHERE n.resource_id = a.resource_id AND n.name = a.name)
   OR NOT EXISTS (SELECT 1 FROM finding_resource_names m WHERE m.resource_id = a.resource_id AND m.name <> a.name)`;

export interface AliasesVerdict {
  added: number;
  removed: number;
  ms: number;
}

export async function repairResourceAliases(pool: Queryable): Promise<AliasesVerdict> {
  const t0 = performance.now();
  const removed = (await pool.query(STALE_ALIASES_SQL)).rowCount ?? 0;
  const added = (await pool.query(MISSING_ALIASES_SQL)).rowCount ?? 0;
  const verdict = { added, removed, ms: Math.round(performance.now() - t0) };
  if (added || removed) log().warn(verdict, "resource aliases differed from the resources' names; mended");
  else log().info(verdict, "resource aliases match the resources' names");
  return verdict;
}
