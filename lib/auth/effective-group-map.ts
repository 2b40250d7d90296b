// The group map in force: INSPECTORATE_OIDC_GROUP_MAP, with the admin's edits (the
// access_group_mappings table) overriding the same group.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { groupGrantSchema, type GroupGrant, type GroupMap } from "./group-map";

export interface MappingRow extends GroupGrant {
  group: string;
  source: "environment" | "app";
  updatedBy: string | null;
  updatedAt: Date | null;
  /** An app row's: the environment's mapping of the same group, which applies again if it is removed. */
  overrides?: GroupGrant;
}

type Pool = Pick<import("pg").Pool, "query">;

/** `pool`: the database to read (an alert rule's maker is resolved inside the worker's transaction). */
export async function mappingRows(envMap: GroupMap = env().INSPECTORATE_OIDC_GROUP_MAP, pool: Pool = db().pool): Promise<MappingRow[]> {
  const { rows } = await pool.query<{ group_name: string; role: string; scope: unknown; updated_by: string | null; updated_at: Date }>(
    "SELECT group_name, role, scope, updated_by, updated_at FROM access_group_mappings",
  );
  const out = new Map<string, MappingRow>();
  for (const [group, g] of Object.entries(envMap)) out.set(group, { group, ...g, source: "environment", updatedBy: null, updatedAt: null });
  for (const r of rows) {
    // A row that no longer parses (hand-edited) grants nothing rather than failing every request.
    const g = groupGrantSchema.safeParse({ role: r.role, scope: r.scope });
    const overrides = envMap[r.group_name];
    if (g.success) out.set(r.group_name, { group: r.group_name, ...g.data, source: "app", updatedBy: r.updated_by, updatedAt: r.updated_at, ...(overrides ? { overrides } : {}) });
  }
  return [...out.values()].sort((a, b) => a.group.localeCompare(b.group));
}

export async function effectiveGroupMap(envMap?: GroupMap, pool?: Pool): Promise<GroupMap> {
  return Object.fromEntries((await mappingRows(envMap, pool)).map((r) => [r.group, { role: r.role, scope: r.scope }]));
}
