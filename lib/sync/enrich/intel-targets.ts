// Which vulnerabilities need BatchGetFindingDetails: those of open findings (in the regions just
// synced) that are critical, high or exploitable, never fetched, changed since (a finding's
// updatedAt or lastObservedAt past the cached basis) or older than the TTL. One finding ARN, the
// most recently updated, stands for each, so every vulnerability is asked once, in its region.
import type pg from "pg";
import { lifecycleText } from "@/lib/queries/lifecycle-sql";
import type { Target } from "./map-finding-detail";

type Queryable = Pick<pg.Pool, "query">;

export async function intelTargets(db: Queryable, regions: string[], staleBefore: Date): Promise<(Target & { region: string })[]> {
  const { rows } = await db.query<{ id: string; arn: string; region: string; basis: Date }>(
    `WITH v AS (
       SELECT f.vulnerability_id AS id, (array_agg(f.arn ORDER BY f.updated_at DESC, f.arn))[1] AS arn,
         (array_agg(f.region ORDER BY f.updated_at DESC, f.arn))[1] AS region,
         max(GREATEST(f.updated_at, f.last_observed_at)) AS basis
       FROM findings f
       WHERE f.region = ANY($1::text[]) AND ${lifecycleText("open", "f")} AND f.type = 'PACKAGE_VULNERABILITY' AND f.vulnerability_id IS NOT NULL
         AND (f.severity IN ('CRITICAL', 'HIGH') OR f.exploit_available = 'YES')
       GROUP BY f.vulnerability_id)
     SELECT v.id, v.arn, v.region, v.basis FROM v LEFT JOIN vulnerability_intel i ON i.vulnerability_id = v.id
     WHERE i.vulnerability_id IS NULL OR v.basis > i.basis_at OR i.fetched_at < $2
     ORDER BY v.id`,
    [regions, staleBefore],
  );
  return rows.map((r) => ({ vulnerabilityId: r.id, arn: r.arn, region: r.region, basisAt: r.basis }));
}
