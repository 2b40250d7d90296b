// Admin edits of group → role/scope. Each change and its audit record share one transaction.
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "./actor";
import { recordAccessChange } from "./access-audit";
import type { GroupGrant } from "./group-map";
import { grantBeyondActor } from "./grant-ceiling";

export type MappingResult = { ok: true } | { ok: false; code: "forbidden" | "not_found"; message: string };

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

/** Removes the app's mapping of a group; a mapping from the environment then applies again. */
export async function deleteMapping(actor: Actor, group: string, address: string | null = null): Promise<MappingResult> {
  if (actor.role !== "admin") return forbidden;
  return withTransaction(db().pool, async (tx): Promise<MappingResult> => {
    const r = await tx.query("DELETE FROM access_group_mappings WHERE group_name = $1", [group]);
    if (!r.rowCount) return { ok: false, code: "not_found", message: `no mapping of "${group}" was made in the app` };
    await recordAccessChange(tx, actor, { action: "access.mapping.deleted", target: group, detail: {}, address });
    return { ok: true };
  });
}
