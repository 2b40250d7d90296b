// Bearer secret → Actor: valid only while neither expired nor revoked, and while its maker still may
// make it; the scope is resolved per request from the token's rule and its maker's access
// (creator-actor.ts), like a signed-in user's.
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { hashTokenSecret } from "./api-token-secret";
import { creatorRef, tokenActor, type TokenGrant } from "./creator-actor";

export async function actorFromToken(secret: string, now = new Date()): Promise<Actor | null> {
  const { rows } = await db().pool.query<Omit<TokenGrant, "createdBy"> & { kind: unknown; by: unknown; lastUsedAt: Date | null }>(
    `SELECT id, name, role, scope, created_by_kind AS kind, created_by_id AS by, last_used_at AS "lastUsedAt" FROM api_tokens
     WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
    [hashTokenSecret(secret), now],
  );
  const t = rows[0];
  if (!t) return null;
  const actor = await tokenActor({ ...t, createdBy: creatorRef(t.kind, t.by) });
  // Last use is a hint for the tokens page; written at most once a minute, and only when accepted.
  if (actor && (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000)) {
    await db().pool.query(`UPDATE api_tokens SET last_used_at = $2 WHERE id = $1`, [t.id, now]);
  }
  return actor;
}
