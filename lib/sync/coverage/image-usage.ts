// After a region's findings and coverage are listed: ListCoverage's ecrImage (inUseCount,
// lastInUseAt, imagePulledAt) is re-read every sync, while a finding's own copy only moves when
// the finding changes, so coverage's values win on every finding of that image. Values coverage
// does not give stay as the finding said (unknown stays NULL). Only changed rows are written: the
// findings upsert already took the values coverage held when it wrote a finding (coverage is listed
// alongside the findings), so a first load does not write every ECR finding a second time here.
import type pg from "pg";

import { retryOnDeadlock } from "../util/retry-deadlock";

type Queryable = Pick<pg.Pool, "query">;

const ts = (m: string, field: string) =>
  `CASE WHEN jsonb_typeof(${m}->'${field}') = 'number' THEN to_timestamp((${m}->>'${field}')::float8)
        WHEN jsonb_typeof(${m}->'${field}') = 'string' THEN (${m}->>'${field}')::timestamptz END`;

/** A covered image's in-use values from its ListCoverage ecrImage metadata (the jsonb expression
 *  `m`), as `<prefix>in_use_count`, `<prefix>last_in_use_at` and `<prefix>image_pulled_at`. The
 *  findings upsert takes them at insert too (upsert-findings-sql.ts). */
export const coveredImageUsageSql = (m: string, prefix = "") =>
  `CASE WHEN jsonb_typeof(${m}->'inUseCount') = 'number' THEN (${m}->>'inUseCount')::int END AS ${prefix}in_use_count,
   ${ts(m, "lastInUseAt")} AS ${prefix}last_in_use_at, ${ts(m, "imagePulledAt")} AS ${prefix}image_pulled_at`;

export async function applyCoverageUsage(db: Queryable, region: string): Promise<number> {
  const res = await retryOnDeadlock("image usage", () => db.query(
    `WITH usage AS (
       SELECT DISTINCT ON (resource_id) resource_id, ${coveredImageUsageSql("m")}
       FROM (SELECT resource_id, metadata->'ecrImage' AS m FROM covered_resources
             WHERE region = $1 AND resource_type = 'AWS_ECR_CONTAINER_IMAGE' AND metadata ? 'ecrImage') c
     )
     UPDATE findings f SET in_use_count = COALESCE(u.in_use_count, f.in_use_count),
       last_in_use_at = COALESCE(u.last_in_use_at, f.last_in_use_at), image_pulled_at = u.image_pulled_at
     FROM usage u
     WHERE f.resource_id = u.resource_id AND f.region = $1 AND f.resource_type = 'AWS_ECR_CONTAINER_IMAGE'
       AND (f.in_use_count, f.last_in_use_at, f.image_pulled_at) IS DISTINCT FROM
           (COALESCE(u.in_use_count, f.in_use_count), COALESCE(u.last_in_use_at, f.last_in_use_at), u.image_pulled_at)`,
    [region],
  ));
  return res.rowCount ?? 0;
}
