// After a complete full listing, findings AWS did not return any more (deleted after its
// retention, or with their account) get gone_at and a GONE event. They are never deleted.
import type pg from "pg";

type Queryable = Pick<pg.Pool, "query">;

/** `listedSince`: every finding the listing returned has synced_at >= it. */
export async function markGone(
  db: Queryable,
  scope: { region: string; accountIds?: string[] },
  listedSince: Date,
  at: Date,
  runId: number,
): Promise<number> {
  const { rows } = await db.query(
    `WITH g AS (
       UPDATE findings SET gone_at = $3
       WHERE region = $1 AND gone_at IS NULL AND synced_at < $2 AND ($5::text[] IS NULL OR account_id = ANY($5::text[]))
       RETURNING arn, status
     ), ev AS (
       INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id)
       SELECT arn, $3, 'GONE', status, NULL, $4 FROM g RETURNING 1
     )
     SELECT count(*)::int AS n FROM ev`,
    [scope.region, listedSince, at, runId, scope.accountIds ?? null],
  );
  return rows[0].n as number;
}
