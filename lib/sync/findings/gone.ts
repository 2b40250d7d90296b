// GONE: findings Inspector no longer reports. After a complete full listing of an account in a
// region, what it did not return (neither written nor marked seen by this run) becomes status GONE
// with why (the account's lifecycle, else retention), what Inspector last said, and a GONE event.
// Rows are never deleted.
import type pg from "pg";
import { GONE_STATUS, type GoneReason } from "@/lib/domain/lifecycle";
import { retryOnDeadlock } from "../util/retry-deadlock";

type Queryable = Pick<pg.Pool, "query">;

/**
 * `listedSince`: every finding the listing returned was either written (synced_at >= it) or, unchanged,
 * marked in finding_seen (seen_at >= it). `reasons`: account → why.
 */
export async function markGone(
  db: Queryable,
  region: string,
  reasons: Map<string, GoneReason>,
  listedSince: Date,
  at: Date,
  runId: number,
): Promise<number> {
  if (!reasons.size) return 0;
  const { rows } = await retryOnDeadlock("gone marking", () => db.query(
    `WITH r AS (SELECT * FROM unnest($5::text[], $6::text[]) AS t(account_id, reason)),
     g AS (
       UPDATE findings f SET status = $7, gone_at = $3, gone_from_status = f.status, gone_reason = r.reason
       FROM r WHERE f.account_id = r.account_id AND f.region = $1 AND f.status <> $7 AND f.synced_at < $2
         AND NOT EXISTS (SELECT 1 FROM finding_seen s WHERE s.arn = f.arn AND s.seen_at >= $2)
       RETURNING f.arn, f.gone_from_status AS was, f.gone_reason AS reason
     ), ev AS (
       INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id)
       SELECT arn, $3, 'GONE', was, reason, $4 FROM g RETURNING 1
     )
     SELECT count(*)::int AS n FROM ev`,
    [region, listedSince, at, runId, [...reasons.keys()], [...reasons.values()], GONE_STATUS],
  ));
  return rows[0].n as number;
}

/** Findings of regions the sync no longer lists: GONE with REGION_NOT_SYNCED. */
export async function markRegionsNotSynced(db: Queryable, regions: string[], at: Date, runId: number): Promise<number> {
  const { rows } = await retryOnDeadlock("gone marking", () => db.query(
    `WITH g AS (
       UPDATE findings f SET status = $3, gone_at = $2, gone_from_status = f.status, gone_reason = 'REGION_NOT_SYNCED'
       WHERE NOT (f.region = ANY($1::text[])) AND f.status <> $3
       RETURNING f.arn, f.gone_from_status AS was
     ), ev AS (
       INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id)
       SELECT arn, $2, 'GONE', was, 'REGION_NOT_SYNCED', $4 FROM g RETURNING 1
     )
     SELECT count(*)::int AS n FROM ev`,
    [regions, at, GONE_STATUS, runId],
  ));
  return rows[0].n as number;
}
