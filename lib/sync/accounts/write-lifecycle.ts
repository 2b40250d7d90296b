// accounts.lifecycle and lifecycle_since: what the cache knew before this run, and the new state.
import type pg from "pg";
import type { AccountLifecycle } from "@/lib/domain/lifecycle";

type Queryable = Pick<pg.Pool, "query">;

export interface KnownAccount {
  lifecycle: AccountLifecycle;
  knownToInspector: boolean;
}

/** Every cached account with its lifecycle and whether Inspector ever reported it (before this run's writes). */
export async function readKnownAccounts(db: Queryable): Promise<Map<string, KnownAccount>> {
  const { rows } = await db.query(
    `SELECT a.id, a.lifecycle,
       EXISTS (SELECT 1 FROM account_regions r WHERE r.account_id = a.id AND r.relationship_status IN ('ENABLED', 'SELF'))
       OR EXISTS (SELECT 1 FROM findings f WHERE f.status IN ('ACTIVE', 'SUPPRESSED', 'CLOSED', 'GONE') AND f.account_id = a.id) AS known
     FROM accounts a`,
  );
  return new Map(rows.map((r) => [r.id as string, { lifecycle: r.lifecycle as AccountLifecycle, knownToInspector: r.known as boolean }]));
}

export async function writeLifecycles(db: Queryable, lifecycles: Map<string, AccountLifecycle>, at: Date): Promise<void> {
  if (!lifecycles.size) return;
  await db.query(
    `UPDATE accounts a SET lifecycle = t.l,
       lifecycle_since = CASE WHEN a.lifecycle <> t.l THEN $3::timestamptz ELSE COALESCE(a.lifecycle_since, CASE WHEN t.l <> 'ACTIVE' THEN $3::timestamptz END) END
     FROM unnest($1::text[], $2::text[]) AS t(id, l) WHERE a.id = t.id`,
    [[...lifecycles.keys()], [...lifecycles.values()], at],
  );
}
