// Users as the identity provider describes them at sign-in: keyed by (issuer, subject), with the
// email, name and groups refreshed every time (role and scope are derived from groups per request).
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

/** `pool`: the database to read (an alert rule's maker is looked up inside the worker's transaction). */
export async function getUser(id: string, pool: Pick<import("pg").Pool, "query"> = db().pool): Promise<UserRow | null> {
  const { rows } = await pool.query<UserRow>("SELECT id, email, name, groups, last_sign_in_at FROM users WHERE id = $1", [id]);
  return rows[0] ?? null;
}

export async function listUsers(): Promise<UserRow[]> {
  const { rows } = await db().pool.query<UserRow>(
    "SELECT id, email, name, groups, last_sign_in_at FROM users ORDER BY last_sign_in_at DESC NULLS LAST, email LIMIT 500",
  );
  return rows;
}

export const displayName = (u: Pick<UserRow, "email" | "name" | "id">) => u.email ?? u.name ?? u.id;
