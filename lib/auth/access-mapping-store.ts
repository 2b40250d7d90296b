// Admin edits of group → role/scope. Each change and its audit record share one transaction.
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { recordAccessChange } from "./access-audit";
import { describeScopeRule, type GroupGrant, type GroupMap } from "./group-map";
import { grantBeyondActor } from "./grant-ceiling";

export type MappingResult = { ok: true } | { ok: false; code: "forbidden" | "not_found" | "conflict"; message: string };

const forbidden: MappingResult = { ok: false, code: "forbidden", message: "only an admin can change access" };

/** `address`: the client's, for the audit trail (the server action's guard reads it). */
export async function saveMapping(actor: Actor, group: string, grant: GroupGrant, address: string | null = null): Promise<MappingResult> {
  if (actor.role !== "admin") return forbidden;
  // An admin of some accounts cannot map a group (their own, say) beyond them.
  const beyond = await grantBeyondActor(actor, grant.role, grant.scope);
  if (beyond) return { ok: false, code: "forbidden", message: `${beyond.field}: ${beyond.message}` };
  await withTransaction(db().pool, async (tx) => {
    await tx.query(
      `INSERT INTO access_group_mappings (group_name, role, scope, updated_at, updated_by) VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (group_name) DO UPDATE SET role = EXCLUDED.role, scope = EXCLUDED.scope, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [group, grant.role, JSON.stringify(grant.scope), actor.name],
    );
    await recordAccessChange(tx, actor, { action: "access.mapping.saved", target: group, detail: { role: grant.role, scope: grant.scope }, address });
  });
  return { ok: true };
}

export interface DeleteMappingOptions {
  /** The admin was told the environment's mapping of the group applies again, and wants that. */
  restoreEnvironment?: boolean;
  /** INSPECTORATE_OIDC_GROUP_MAP unless given (tests). */
  envMap?: GroupMap;
}

/**
 * Removes the app's mapping of a group. When the environment maps the same group, its mapping applies
 * again: refused if it reaches beyond the admin (grant-ceiling.ts), and done only when asked for
 * (`restoreEnvironment`), so removing a mapping never silently hands back a wider one.
 */
export async function deleteMapping(actor: Actor, group: string, address: string | null = null, o: DeleteMappingOptions = {}): Promise<MappingResult> {
  if (actor.role !== "admin") return forbidden;
  const fallback = (o.envMap ?? env().INSPECTORATE_OIDC_GROUP_MAP)[group];
  return withTransaction(db().pool, async (tx): Promise<MappingResult> => {
    const r = await tx.query<GroupGrant>("SELECT role, scope FROM access_group_mappings WHERE group_name = $1 FOR UPDATE", [group]);
    if (!r.rowCount) return { ok: false, code: "not_found", message: `no mapping of "${group}" was made in the app` };
    if (fallback) {
      const then = `removing it would bring back the environment's mapping of "${group}" (INSPECTORATE_OIDC_GROUP_MAP): ${fallback.role}, ${describeScopeRule(fallback.scope)}`;
      const beyond = await grantBeyondActor(actor, fallback.role, fallback.scope);
      if (beyond) return { ok: false, code: "forbidden", message: `${then}, which you may not grant (${beyond.field}: ${beyond.message}); save a narrower mapping instead` };
      if (!o.restoreEnvironment) return { ok: false, code: "conflict", message: `${then}; confirm to remove it, or save the mapping you want instead` };
    }
    await tx.query("DELETE FROM access_group_mappings WHERE group_name = $1", [group]);
    await recordAccessChange(tx, actor, { action: "access.mapping.deleted", target: group, detail: { removed: r.rows[0], environmentApplies: fallback ?? null }, address });
    return { ok: true };
  });
}
