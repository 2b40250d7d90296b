// Server-side sessions: the cookie carries 32 random bytes, the table only their SHA-256, so a
// database read does not yield usable cookies. Idle expiry counts from last_seen_at (touched at
// most once a minute), absolute expiry from sign-in.
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { openRefreshToken, sealRefreshToken } from "./refresh-token-seal";

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const hashSessionId = (cookieValue: string) => crypto.createHash("sha256").update(cookieValue).digest("hex");

/**
 * Starts a session; returns the cookie value (shown to nobody but the browser) and its expiry. With the
 * provider's refresh token, the session keeps it sealed by the cookie (refresh-token-seal.ts) to recheck
 * the user's groups (groups-recheck.ts), counting from now.
 */
export async function createSession(userId: string, policy: SessionPolicy, now = new Date(), refreshToken: string | null = null) {
  const cookieValue = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await db().pool.query("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, refresh_token, groups_read_at) VALUES ($1, $2, $3, $3, $4, $5, $3)", [
    hashSessionId(cookieValue), userId, now, expiresAt, refreshToken ? sealRefreshToken(cookieValue, refreshToken) : null,
  ]);
  return { cookieValue, expiresAt };
}

/**
 * Claims this session's groups recheck when the last read is `everySeconds` old: one request of many
 * at once wins (the others go on with the groups as read) and the clock restarts, so a provider that
 * does not answer is asked again a period later, not on every request. Null when not due (or no token);
 * `opened: null` when the sealed token does not open with this cookie.
 */
export async function claimGroupsRecheck(cookieValue: string, everySeconds: number, now = new Date()): Promise<{ opened: string | null } | null> {
  const { rows } = await db().pool.query<{ refresh_token: string }>(
    `UPDATE sessions SET groups_read_at = $2 WHERE id_hash = $1 AND refresh_token IS NOT NULL
       AND (groups_read_at IS NULL OR groups_read_at <= $2::timestamptz - make_interval(secs => $3::float8))
     RETURNING refresh_token`,
    [hashSessionId(cookieValue), now, everySeconds],
  );
  return rows[0] ? { opened: openRefreshToken(cookieValue, rows[0].refresh_token) } : null;
}

/** Keeps the provider's rotated refresh token. */
export async function replaceRefreshToken(cookieValue: string, refreshToken: string): Promise<void> {
  await db().pool.query("UPDATE sessions SET refresh_token = $2 WHERE id_hash = $1", [hashSessionId(cookieValue), sealRefreshToken(cookieValue, refreshToken)]);
}

/** A live session as a request finds it: whose it is, and when its groups were last read (null: never rechecked). */
export interface OpenSession {
  userId: string;
  groupsReadAt: Date | null;
  rechecks: boolean;
}

/** The live session, or null when unknown, idle too long or past its absolute expiry. */
export async function openSession(cookieValue: string, policy: SessionPolicy, now = new Date()): Promise<OpenSession | null> {
  if (!/^[\w-]{20,100}$/.test(cookieValue)) return null;
  const idHash = hashSessionId(cookieValue);
  const { rows } = await db().pool.query<{ user_id: string; last_seen_at: Date; expires_at: Date; groups_read_at: Date | null; rechecks: boolean }>(
    "SELECT user_id, last_seen_at, expires_at, groups_read_at, refresh_token IS NOT NULL AS rechecks FROM sessions WHERE id_hash = $1", [idHash],
  );
  const s = rows[0];
  if (!s) return null;
  const idleUntil = s.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  if (now >= s.expires_at || now.getTime() >= idleUntil) {
    await db().pool.query("DELETE FROM sessions WHERE id_hash = $1", [idHash]);
    return null;
  }
  if (now.getTime() - s.last_seen_at.getTime() > Math.min(60_000, policy.idleMinutes * 15_000)) {
    await db().pool.query("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1", [idHash, now]);
  }
  return { userId: s.user_id, groupsReadAt: s.groups_read_at, rechecks: s.rechecks };
}

/** The live session's user id, or null when unknown, idle too long or past its absolute expiry. */
export async function readSession(cookieValue: string, policy: SessionPolicy, now = new Date()): Promise<string | null> {
  return (await openSession(cookieValue, policy, now))?.userId ?? null;
}

/** Ends the session; returns the provider's refresh token it held (opened by the cookie), for revoking, or null. */
export async function deleteSession(cookieValue: string): Promise<string | null> {
  const { rows } = await db().pool.query<{ refresh_token: string | null }>("DELETE FROM sessions WHERE id_hash = $1 RETURNING refresh_token", [hashSessionId(cookieValue)]);
  const sealed = rows[0]?.refresh_token;
  return sealed ? openRefreshToken(cookieValue, sealed) : null;
}

/** Drops sessions past their absolute expiry (idle ones go when next read). */
export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  return (await db().pool.query("DELETE FROM sessions WHERE expires_at <= $1", [now])).rowCount ?? 0;
}

/** SQL for "this row is live" as readSession judges it; $2 is now, $3 the idle limit in seconds. */
const liveSql = "expires_at > $2 AND last_seen_at > $2::timestamptz - make_interval(secs => $3::float8)";

/** Live sessions per user id (users with none are absent), for the admin's users list. */
export async function liveSessionCounts(userIds: string[], policy: SessionPolicy, now = new Date()): Promise<Map<string, number>> {
  const { rows } = await db().pool.query<{ user_id: string; n: number }>(
    `SELECT user_id::text, count(*)::int AS n FROM sessions WHERE user_id = ANY($1::uuid[]) AND ${liveSql} GROUP BY user_id`,
    [userIds, now, policy.idleMinutes * 60],
  );
  return new Map(rows.map((r) => [r.user_id, r.n]));
}

/** Deletes every session of a user (expired ones too) in the caller's transaction; returns how many were live. */
export async function deleteUserSessions(tx: Pick<import("pg").PoolClient, "query">, userId: string, policy: SessionPolicy, now = new Date()): Promise<number> {
  const { rows } = await tx.query<{ live: number }>(
    `WITH gone AS (DELETE FROM sessions WHERE user_id = $1 RETURNING expires_at, last_seen_at)
     SELECT (count(*) FILTER (WHERE ${liveSql}))::int AS live FROM gone`,
    [userId, now, policy.idleMinutes * 60],
  );
  return rows[0].live;
}
