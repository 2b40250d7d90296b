// API tokens for automation: created by admins with a role, an account scope and an expiry, never
// more than the creator's own (role and scope), at creation and at every use after (creator-actor.ts);
// revocable; the secret is returned once and stored only as its SHA-256.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { roles, type Actor } from "./actor";
import { creatorRef, tokenActor } from "./creator-actor";
import { recordAudit } from "./audit";
import { scopeRuleSchema, type ScopeRule } from "./group-map";
import { hashTokenSecret, newTokenSecret } from "./api-token-secret";
import { AppError } from "./app-error";
import { grantBeyondActor, onlyWithinAdminScope, withinAdminScope } from "./grant-ceiling";
import { fieldIssues } from "@/lib/review/exception-input";

export const MAX_TOKEN_DAYS = 366;

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, "required").max(100),
  role: z.enum(roles),
  scope: scopeRuleSchema,
  expiresInDays: z.coerce.number().int().min(1).max(MAX_TOKEN_DAYS, `at most ${MAX_TOKEN_DAYS} days`),
});

export interface TokenRow {
  id: string; name: string; role: string; scope: ScopeRule; createdAt: Date; createdBy: string;
  expiresAt: Date; revokedAt: Date | null; revokedBy: string | null; lastUsedAt: Date | null;
  createdByKind: string | null; createdById: string | null;
}

const columns = `id, name, role, scope, created_at AS "createdAt", created_by AS "createdBy", expires_at AS "expiresAt",
  revoked_at AS "revokedAt", revoked_by AS "revokedBy", last_used_at AS "lastUsedAt",
  created_by_kind AS "createdByKind", created_by_id AS "createdById"`;

export async function createApiToken(actor: Actor, input: unknown, address: string | null, now = new Date()) {
  const parsed = newTokenSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "the token was not created", fieldIssues(parsed.error));
  const v = parsed.data;
  // Never more than its creator: role at most theirs, scope within theirs (grant-ceiling.ts).
  const beyond = await grantBeyondActor(actor, v.role, v.scope, "tokens");
  if (beyond) throw new AppError("forbidden", `${beyond.field}: ${beyond.message}`, [beyond]);
  const secret = newTokenSecret();
  const expiresAt = new Date(now.getTime() + v.expiresInDays * 86_400_000);
  const row = await withTransaction(db().pool, async (tx) => {
    const r = await tx.query<TokenRow>(
      `INSERT INTO api_tokens (name, token_hash, role, scope, created_at, created_by, created_by_kind, created_by_id, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9) RETURNING ${columns}`,
      [v.name, hashTokenSecret(secret), v.role, JSON.stringify(v.scope), now, actor.name, actor.kind, actor.id, expiresAt],
    );
    await recordAudit(tx, { actor, action: "token.created", target: r.rows[0].id, detail: { name: v.name, role: v.role, scope: v.scope, expiresAt }, address });
    return r.rows[0];
  });
  return { token: row, secret };
}

/** A stored token as a grant; a row that no longer parses (hand-edited) counts as the whole organization. */
const grantOf = (t: { role: unknown; scope: unknown }) => ({
  role: z.enum(roles).catch("admin").parse(t.role),
  scope: scopeRuleSchema.catch({ all: true as const }).parse(t.scope),
});

export async function revokeApiToken(actor: Actor, id: string, address: string | null, now = new Date()): Promise<TokenRow> {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "no such token");
  return withTransaction(db().pool, async (tx) => {
    const found = await tx.query<{ name: string; role: unknown; scope: unknown }>(`SELECT name, role, scope FROM api_tokens WHERE id = $1 FOR UPDATE`, [id]);
    if (!found.rowCount) throw new AppError("not_found", "no such token");
    // A scoped admin changes only tokens they could make now (grant-ceiling.ts).
    if (!(await withinAdminScope(actor, "tokens", grantOf(found.rows[0]), tx))) {
      throw new AppError("forbidden", `token "${found.rows[0].name}" reaches beyond your admin scope: only an admin whose scope covers its role and accounts may revoke it`);
    }
    const r = await tx.query<TokenRow>(`UPDATE api_tokens SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING ${columns}`, [id, now, actor.name]);
    if (!r.rowCount) throw new AppError("conflict", "already revoked");
    await recordAudit(tx, { actor, action: "token.revoked", target: id, detail: { name: r.rows[0].name }, address });
    return r.rows[0];
  });
}

/** The tokens `actor` may see and revoke: for a scoped admin, only those within their admin scope. */
export async function listApiTokens(actor: Actor): Promise<(TokenRow & { expired: boolean })[]> {
  const rows = (await db().pool.query<TokenRow & { expired: boolean }>(`SELECT ${columns}, expires_at <= now() AS expired FROM api_tokens ORDER BY created_at DESC`)).rows;
  return onlyWithinAdminScope(actor, "tokens", rows, grantOf);
}

/** What an active token reaches now, for the tokens page: null when refused (its maker is gone or may
 *  no longer make it), else how many accounts (null: the whole organization). */
export async function tokenReachNow(t: TokenRow): Promise<{ accounts: number | null } | null> {
  const actor = await tokenActor({ id: t.id, name: t.name, role: t.role, scope: t.scope, createdBy: creatorRef(t.createdByKind, t.createdById) });
  if (!actor) return null;
  return { accounts: actor.scope.accountIds === "all" ? null : actor.scope.accountIds.length };
}
