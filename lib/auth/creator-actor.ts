// Who made a token or an alert rule, as they are NOW. A token (and a rule) never reaches further than
// its maker can today: the accounts its scope names at use time AND its maker still reaches. A maker
// who is gone (user unknown or unmapped, token revoked or expired, local mode ended) takes it down.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { roles, type Actor } from "./actor";
import { roleRank, scopeRuleSchema } from "./group-map";
import { localActor } from "./local-actor";
import { signInConfigured } from "./oidc-client";
import { can, rolePermissions, scopeFor, type Permission } from "./permissions";
import { intersectScopes, resolveScope } from "./scope-resolution";
import { actorForUser } from "./user-actor";
import { getUser } from "./users";

type Pool = Pick<import("pg").Pool, "query">;

export const creatorRefSchema = z.object({ kind: z.enum(["user", "token", "local"]), id: z.string().min(1) });
export type CreatorRef = z.infer<typeof creatorRefSchema>;

/** The maker as stored (created_by_kind, created_by_id); null when unknown (rows made before it was kept). */
export const creatorRef = (kind: unknown, id: unknown): CreatorRef | null => creatorRefSchema.safeParse({ kind, id }).data ?? null;

/** A token row as stored: role and scope are parsed again before use. */
export interface TokenGrant { id: string; name: string; role: string; scope: unknown; createdBy: CreatorRef | null }

// A token made by a token made by …: a chain this long is refused rather than followed.
const MAX_CHAIN = 8;

export async function actorForCreator(ref: CreatorRef | null, pool: Pool = db().pool, depth = 0): Promise<Actor | null> {
  if (!ref || depth > MAX_CHAIN) return null;
  if (ref.kind === "local") return signInConfigured() ? null : localActor;
  // Users and tokens are keyed by uuid: anything else names nobody.
  if (!z.uuid().safeParse(ref.id).success) return null;
  if (ref.kind === "user") {
    const user = await getUser(ref.id, pool);
    return user ? actorForUser(user, pool) : null;
  }
  const { rows } = await pool.query<Omit<TokenGrant, "createdBy"> & { kind: unknown; by: unknown }>(
    `SELECT id, name, role, scope, created_by_kind AS kind, created_by_id AS by FROM api_tokens
     WHERE id = $1::uuid AND revoked_at IS NULL AND expires_at > now()`,
    [ref.id],
  );
  const t = rows[0];
  return t ? tokenActor({ ...t, createdBy: creatorRef(t.kind, t.by) }, pool, depth + 1) : null;
}

/**
 * A token's actor: refused (null) unless its maker still exists and may still make tokens with this
 * role; each permission reaches the token's scope resolved now, narrowed to what the maker reaches
 * with that permission now.
 */
export async function tokenActor(t: TokenGrant, pool: Pool = db().pool, depth = 0): Promise<Actor | null> {
  // A row that no longer parses (hand-edited) grants nothing.
  const role = z.enum(roles).safeParse(t.role).data, rule = scopeRuleSchema.safeParse(t.scope).data;
  if (!role || !rule) return null;
  const maker = await actorForCreator(t.createdBy, pool, depth);
  if (!maker || !can(maker.role, "tokens") || roleRank[role] > roleRank[maker.role]) return null;
  const own = await resolveScope([rule], pool);
  const actor: Actor = { kind: "token", id: t.id, name: `token "${t.name}"`, role, scope: intersectScopes(own, maker.scope) };
  if (maker.permissionScopes) {
    actor.permissionScopes = Object.fromEntries(rolePermissions[role].map((p): [Permission, typeof own] => [p, intersectScopes(own, scopeFor(maker, p))]));
  }
  return actor;
}
