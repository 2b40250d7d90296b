// Upserts accounts and their per-region Inspector state. A new account without any name is
// named by its id; a name Organizations could not give this time keeps the one stored earlier. So do
// owner and team when the account's tags could not be read; when they were read, a tag removed (or an
// INSPECTORATE_OWNERS entry removed, for an account without a Team tag) clears the stored value.
import type pg from "pg";
import type { AccountIdentity } from "./account-identity";
import type { AccountRegionState } from "../map/account-state";

type Queryable = Pick<pg.Pool, "query">;

export async function upsertAccounts(db: Queryable, rows: AccountIdentity[], adminId: string, seenAt: Date): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof AccountIdentity>(k: K) => rows.map((r) => r[k]);
  await db.query(
    `INSERT INTO accounts AS a (id, name, email, org_status, ou_id, ou_name, owner, team, joined_at, is_delegated_admin, last_seen_at, updated_at)
     SELECT t.id, COALESCE(t.name, t.id), t.email, t.org_status, t.ou_id, t.ou_name, t.owner, t.team, t.joined_at, t.id = $10, $11, $11
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
       AS t(id, name, email, org_status, ou_id, ou_name, owner, team, joined_at)
     ON CONFLICT (id) DO UPDATE SET
       name = COALESCE(NULLIF(EXCLUDED.name, EXCLUDED.id), a.name), email = COALESCE(EXCLUDED.email, a.email),
       org_status = COALESCE(EXCLUDED.org_status, a.org_status), ou_id = COALESCE(EXCLUDED.ou_id, a.ou_id),
       ou_name = COALESCE(EXCLUDED.ou_name, a.ou_name), owner = COALESCE(EXCLUDED.owner, a.owner),
       team = COALESCE(EXCLUDED.team, a.team), joined_at = COALESCE(EXCLUDED.joined_at, a.joined_at),
       is_delegated_admin = EXCLUDED.is_delegated_admin, last_seen_at = EXCLUDED.last_seen_at, updated_at = EXCLUDED.updated_at`,
    [col("id"), col("name"), col("email"), col("orgStatus"), col("ouId"), col("ouName"), col("owner"), col("team"), col("joinedAt"), adminId, seenAt],
  );
  // Tags read now: what they say (or their absence) replaces what the cache held.
  const read = rows.filter((r) => r.tagsRead);
  if (!read.length) return;
  await db.query(
    `UPDATE accounts a SET owner = t.owner, team = t.team
     FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, owner, team)
     WHERE a.id = t.id AND (a.owner, a.team) IS DISTINCT FROM (t.owner, t.team)`,
    [read.map((r) => r.id), read.map((r) => r.owner), read.map((r) => r.team)],
  );
}

export async function upsertAccountRegions(
  db: Queryable,
  region: string,
  relationships: Map<string, string>,
  states: Map<string, AccountRegionState>,
  seenAt: Date,
): Promise<void> {
  const ids = [...relationships.keys()];
  if (!ids.length) return;
  const s = (id: string) => states.get(id);
  await db.query(
    `INSERT INTO account_regions AS r (account_id, region, relationship_status, inspector_status, ec2_status, ecr_status,
        lambda_status, lambda_code_status, code_repository_status, last_seen_at)
     SELECT t.id, $1, t.rel, t.st, t.ec2, t.ecr, t.lambda, t.code, t.repo, $9
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $10::text[])
       AS t(id, rel, st, ec2, ecr, lambda, code, repo)
     ON CONFLICT (account_id, region) DO UPDATE SET
       relationship_status = EXCLUDED.relationship_status, inspector_status = EXCLUDED.inspector_status,
       ec2_status = EXCLUDED.ec2_status, ecr_status = EXCLUDED.ecr_status, lambda_status = EXCLUDED.lambda_status,
       lambda_code_status = EXCLUDED.lambda_code_status, code_repository_status = EXCLUDED.code_repository_status,
       last_seen_at = EXCLUDED.last_seen_at`,
    [region, ids, ids.map((id) => relationships.get(id) ?? null), ids.map((id) => s(id)?.inspectorStatus ?? null),
      ids.map((id) => s(id)?.ec2Status ?? null), ids.map((id) => s(id)?.ecrStatus ?? null), ids.map((id) => s(id)?.lambdaStatus ?? null),
      ids.map((id) => s(id)?.lambdaCodeStatus ?? null), seenAt, ids.map((id) => s(id)?.codeRepositoryStatus ?? null)],
  );
}

/** Every known account gets a row per configured region, so "never synced" is visible too. */
export async function ensureAccountRegionRows(db: Queryable, accountIds: string[], regions: string[]): Promise<void> {
  if (!accountIds.length || !regions.length) return;
  await db.query(
    `INSERT INTO account_regions (account_id, region)
     SELECT a, r FROM unnest($1::text[]) a CROSS JOIN unnest($2::text[]) r
     ON CONFLICT (account_id, region) DO NOTHING`,
    [accountIds, regions],
  );
}
