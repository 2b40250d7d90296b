// Users as the identity provider describes them at sign-in: keyed by (issuer, subject), with the
// email, name and groups refreshed every time, and at each groups recheck (groups-recheck.ts); role and
// scope are derived from groups per request.
import { db } from "@/lib/db/client";

export interface UserRow {
  id: string;
  email: string | null;
  name: string | null;
  groups: string[];
  last_sign_in_at: Date | null;
}

export interface SignedInIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  groups: string[];
}

export async function upsertUser(who: SignedInIdentity, now = new Date()): Promise<UserRow> {
  const { rows } = await db().pool.query<UserRow>(
    `INSERT INTO users (id, issuer, subject, email, name, groups, last_sign_in_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::text[], $6)
     ON CONFLICT (issuer, subject) DO UPDATE
       SET email = EXCLUDED.email, name = EXCLUDED.name, groups = EXCLUDED.groups, last_sign_in_at = EXCLUDED.last_sign_in_at
     RETURNING id, email, name, groups, last_sign_in_at`,
    [who.issuer, who.subject, who.email, who.name, who.groups, now],
  );
  return rows[0];
}

/** The provider's subject for a user (whom a groups recheck asks about), and the name the audit shows. */
export async function userSubject(id: string): Promise<{ subject: string; display: string } | null> {
  const { rows } = await db().pool.query<{ subject: string; display: string }>(
    "SELECT subject, coalesce(email, name, id::text) AS display FROM users WHERE id = $1", [id],
  );
  return rows[0] ?? null;
}

/** A recheck's answer recorded (not a sign-in: last_sign_in_at stays); the groups before it, or null if the user is gone. */
export async function recordRecheckedClaims(id: string, who: SignedInIdentity): Promise<{ before: string[] } | null> {
  const { rows } = await db().pool.query<{ before: string[] }>(
    `UPDATE users u SET email = $4, name = $5, groups = $6::text[]
     FROM (SELECT id, groups FROM users WHERE id = $1 FOR UPDATE) old
     WHERE u.id = old.id AND u.issuer = $2 AND u.subject = $3
     RETURNING old.groups AS before`,
    [id, who.issuer, who.subject, who.email, who.name, who.groups],
  );
  return rows[0] ?? null;
}

/** `pool`: the database to read (an alert rule's maker is looked up inside the worker's transaction). */
export async function getUser(id: string, pool: Pick<import("pg").Pool, "query"> = db().pool): Promise<UserRow | null> {
  const { rows } = await pool.query<UserRow>("SELECT id, email, name, groups, last_sign_in_at FROM users WHERE id = $1", [id]);
  return rows[0] ?? null;
}

/** How many users the Access page lists: the newest by last sign-in. */
export const USERS_SHOWN = 500;

/** Which users to list, by group: some of `anyOf` (all users when null) and none of `noneOf`. */
export interface UserGroupFilter { anyOf: string[] | null; noneOf: string[] }

/** The filter in SQL ($1 anyOf, $2 noneOf): one text for the list and for finding one user, so they agree. */
const keptBy = "($1::text[] IS NULL OR groups && $1::text[]) AND NOT (groups && $2::text[])";

/** The user with `id` when the filter keeps them, else null; locked FOR UPDATE when `pool` is a transaction's. */
export async function findUserWithin(filter: UserGroupFilter, id: string, pool: Pick<import("pg").Pool, "query"> = db().pool, lock = false): Promise<UserRow | null> {
  const { rows } = await pool.query<UserRow>(
    `SELECT id, email, name, groups, last_sign_in_at FROM users WHERE ${keptBy} AND id = $3${lock ? " FOR UPDATE" : ""}`,
    [filter.anyOf, filter.noneOf, id],
  );
  return rows[0] ?? null;
}

/**
 * The `limit` newest users the filter keeps, and how many it keeps in all. It applies in SQL, before
 * the cap: a scoped admin sees the newest of their own users, not what is left of everyone's newest.
 */
export async function listUsers(filter: UserGroupFilter = { anyOf: null, noneOf: [] }, limit = USERS_SHOWN): Promise<{ rows: UserRow[]; total: number }> {
  const { rows } = await db().pool.query<UserRow & { total: number }>(
    `SELECT id, email, name, groups, last_sign_in_at, count(*) OVER ()::int AS total FROM users
     WHERE ${keptBy}
     ORDER BY last_sign_in_at DESC NULLS LAST, email LIMIT $3`,
    [filter.anyOf, filter.noneOf, limit],
  );
  return { rows: rows.map(({ total: _, ...u }) => u), total: rows[0]?.total ?? 0 };
}

export const displayName = (u: Pick<UserRow, "email" | "name" | "id">) => u.email ?? u.name ?? u.id;
