// Admin edits of group → role/scope. Each change and its audit record share one transaction.
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { recordAccessChange } from "./access-audit";
import { describeScopeRule, groupGrantSchema, type GroupGrant, type GroupMap } from "./group-map";
import { grantBeyondActor, onlyWithinAdminScope, withinAdminScope } from "./grant-ceiling";
import { mappingRows, type MappingRow } from "./effective-group-map";

export type MappingResult = { ok: true } | { ok: false; code: "forbidden" | "not_found" | "conflict"; message: string };

const forbidden: MappingResult = { ok: false, code: "forbidden", message: "only an admin can change access" };

type Tx = Parameters<Parameters<typeof withTransaction>[1]>[0];

/**
 * Refused unless the group's mapping in force (the app's, else the environment's) lies within the
 * admin's own scope: a scoped admin takes access away from nobody beyond it. The message names the
 * group only, never the accounts it maps.
 */
async function currentBeyond(tx: Tx, actor: Actor, group: string, appRow: unknown, envMap: GroupMap): Promise<MappingResult | null> {
  const current = groupGrantSchema.safeParse(appRow).data ?? envMap[group];
  if (!current || (await withinAdminScope(actor, "roles", current, tx))) return null;
  const whose = groupGrantSchema.safeParse(appRow).success ? "the app's mapping" : "the environment's mapping (INSPECTORATE_OIDC_GROUP_MAP)";
  return { ok: false, code: "forbidden", message: `${whose} of "${group}" reaches beyond your admin scope: only an admin whose scope covers its role and accounts may change or remove it` };
}

/**
 * A mapping as listed for an admin: the environment's mapping it overrides, said as they may read it;
 * `removable`, an app mapping whose removal deleteMapping would allow (the environment's, if it comes back, within theirs).
 */
export type ListedMapping = Omit<MappingRow, "overrides"> & { overrides?: string; removable: boolean };

/** The environment's grant for an admin: its scope only when it lies within their admin scope, so no other account's id. */
const environmentGrant = (g: GroupGrant, within: boolean) => `${g.role}, ${within ? describeScopeRule(g.scope) : "a scope wider than yours"}`;

/** Removing an override brings `fallback` back: allowed only when the admin could grant it themselves. */
const restoresWithin = (actor: Actor, fallback: GroupGrant, pool?: Tx) => withinAdminScope(actor, "roles", fallback, pool);

/** The mappings `actor` may see and change: for a scoped admin, only those within their admin scope. */
export async function mappingsFor(actor: Actor, envMap?: GroupMap): Promise<ListedMapping[]> {
  const rows = await onlyWithinAdminScope(actor, "roles", await mappingRows(envMap), (r) => r);
  return Promise.all(rows.map(async ({ overrides, ...r }) => {
    if (!overrides) return { ...r, removable: r.source === "app" };
    const within = await restoresWithin(actor, overrides);
    return { ...r, overrides: environmentGrant(overrides, within), removable: within };
  }));
}

/** `address`: the client's, for the audit trail (the server action's guard reads it). */
export async function saveMapping(actor: Actor, group: string, grant: GroupGrant, address: string | null = null, envMap: GroupMap = env().INSPECTORATE_OIDC_GROUP_MAP): Promise<MappingResult> {
  if (actor.role !== "admin") return forbidden;
  // An admin of some accounts cannot map a group (their own, say) beyond them.
  const beyond = await grantBeyondActor(actor, grant.role, grant.scope, "roles");
  if (beyond) return { ok: false, code: "forbidden", message: `${beyond.field}: ${beyond.message}` };
  return withTransaction(db().pool, async (tx): Promise<MappingResult> => {
    const r = await tx.query("SELECT role, scope FROM access_group_mappings WHERE group_name = $1 FOR UPDATE", [group]);
    const refused = await currentBeyond(tx, actor, group, r.rows[0], envMap);
    if (refused) return refused;
    await tx.query(
      `INSERT INTO access_group_mappings (group_name, role, scope, updated_at, updated_by) VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (group_name) DO UPDATE SET role = EXCLUDED.role, scope = EXCLUDED.scope, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [group, grant.role, JSON.stringify(grant.scope), actor.name],
    );
    await recordAccessChange(tx, actor, { action: "access.mapping.saved", target: group, detail: { role: grant.role, scope: grant.scope }, address });
    return { ok: true };
  });
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
  const envMap = o.envMap ?? env().INSPECTORATE_OIDC_GROUP_MAP, fallback = envMap[group];
  return withTransaction(db().pool, async (tx): Promise<MappingResult> => {
    const r = await tx.query<GroupGrant>("SELECT role, scope FROM access_group_mappings WHERE group_name = $1 FOR UPDATE", [group]);
    if (!r.rowCount) return { ok: false, code: "not_found", message: `no mapping of "${group}" was made in the app` };
    const refused = await currentBeyond(tx, actor, group, r.rows[0], envMap);
    if (refused) return refused;
    if (fallback) {
      const within = await restoresWithin(actor, fallback, tx);
      const then = `removing it would bring back the environment's mapping of "${group}" (INSPECTORATE_OIDC_GROUP_MAP): ${environmentGrant(fallback, within)}`;
      // Not why it is beyond: that would name an account (or OU) outside the admin's scope.
      if (!within) return { ok: false, code: "forbidden", message: `${then}, which you may not grant; save a narrower mapping instead` };
      if (!o.restoreEnvironment) return { ok: false, code: "conflict", message: `${then}; confirm to remove it, or save the mapping you want instead` };
    }
    await tx.query("DELETE FROM access_group_mappings WHERE group_name = $1", [group]);
    await recordAccessChange(tx, actor, { action: "access.mapping.deleted", target: group, detail: { removed: r.rows[0], environmentApplies: fallback ?? null }, address });
    return { ok: true };
  });
}
