// Bearer secret → Actor: valid only while neither expired nor revoked; the scope is resolved per
// request from the token's rule, like a signed-in user's.
import { db } from "@/lib/db/client";
import type { Actor, Role } from "./actor";
import { hashTokenSecret } from "./api-token-secret";
import type { ScopeRule } from "./group-map";
import { resolveScope } from "./scope-resolution";

export async function actorFromToken(secret: string, now = new Date()): Promise<Actor | null> {
  const { rows } = await db().pool.query<{ id: string; name: string; role: Role; scope: ScopeRule; lastUsedAt: Date | null }>(
    `SELECT id, name, role, scope, last_used_at AS "lastUsedAt" FROM api_tokens
     WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
    [hashTokenSecret(secret), now],
  );
  const t = rows[0];
  if (!t) return null;
  // Last use is a hint for the tokens page; written at most once a minute.
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000) {
    await db().pool.query(`UPDATE api_tokens SET last_used_at = $2 WHERE id = $1`, [t.id, now]);
  }
  return { kind: "token", id: t.id, name: `token "${t.name}"`, role: t.role, scope: await resolveScope([t.scope]) };
}
