// Today's coverage per account x matrix column (EC2 / ECR / LAMBDA / LAMBDA_CODE).
import type pg from "pg";
import { withTransaction } from "@/lib/db/transaction";
import { COVERAGE_BUCKETS } from "../map/coverage-row";
import { isoDay } from "./utc-day";

export async function writeCoverageSnapshot(pool: pg.Pool, now: Date): Promise<number> {
  return withTransaction(pool, async (client) => {
    await client.query("DELETE FROM coverage_snapshots WHERE day = $1::date", [isoDay(now)]);
    const res = await client.query(
      `WITH buckets AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS b(resource_type, scan_type, bucket, rank)
       ), bucketed AS (
         SELECT c.account_id, c.scan_status_code,
           (SELECT b.bucket FROM buckets b WHERE b.resource_type = c.resource_type
              AND (b.scan_type IS NULL OR b.scan_type = c.scan_type) ORDER BY b.rank LIMIT 1) AS bucket
         FROM covered_resources c
       )
       INSERT INTO coverage_snapshots (day, account_id, scan_type, active, inactive)
       SELECT $1::date, account_id, bucket,
         count(*) FILTER (WHERE scan_status_code = 'ACTIVE')::int, count(*) FILTER (WHERE scan_status_code <> 'ACTIVE')::int
       FROM bucketed WHERE bucket IS NOT NULL GROUP BY account_id, bucket`,
      [isoDay(now), COVERAGE_BUCKETS.map((b) => b.resourceType), COVERAGE_BUCKETS.map((b) => b.scanType),
        COVERAGE_BUCKETS.map((b) => b.bucket), COVERAGE_BUCKETS.map((_, i) => i)],
    );
    return res.rowCount ?? 0;
  });
}
