// Gate policies as stored: the version in force per name, and a name's history. On the primary
// (db()): a decision must use the policy just saved, and the editor shows it right after saving.
import { db } from "@/lib/db/client";
import { builtInDefaultPolicy, DEFAULT_POLICY_NAME } from "@/lib/gate/default-policy";
import { policySchema, type Policy } from "@/lib/gate/policy-schema";

export interface StoredPolicy { name: string; version: number; policy: Policy; source: string; createdBy: string | null; createdAt: Date | null }

/** The latest version of `name`; the built-in default (version 0) when "default" was never saved. */
export async function policyInForce(name: string): Promise<StoredPolicy | null> {
  const { rows } = await db().pool.query(
    `SELECT name, version, document, source, created_by, created_at FROM gate_policy_versions WHERE name = $1 ORDER BY version DESC LIMIT 1`, [name]);
  if (!rows.length) {
    return name === DEFAULT_POLICY_NAME ? { name, version: 0, policy: builtInDefaultPolicy, source: "built-in", createdBy: null, createdAt: null } : null;
  }
  return toStored(rows[0]);
}

export async function listPolicies(): Promise<(StoredPolicy & { versions: number })[]> {
  const { rows } = await db().pool.query(
    `SELECT DISTINCT ON (name) name, version, document, source, created_by, created_at, count(*) OVER (PARTITION BY name)::int AS versions
     FROM gate_policy_versions ORDER BY name, version DESC`);
  const stored = rows.map((r) => ({ ...toStored(r), versions: r.versions as number }));
  if (!stored.some((p) => p.name === DEFAULT_POLICY_NAME)) stored.unshift({ ...(await policyInForce(DEFAULT_POLICY_NAME))!, versions: 0 });
  return stored;
}

export async function policyHistory(name: string): Promise<StoredPolicy[]> {
  const { rows } = await db().pool.query(
    `SELECT name, version, document, source, created_by, created_at FROM gate_policy_versions WHERE name = $1 ORDER BY version DESC LIMIT 50`, [name]);
  return rows.map(toStored);
}

function toStored(r: Record<string, unknown>): StoredPolicy {
  return {
    name: r.name as string, version: r.version as number, policy: policySchema.parse(r.document), source: r.source as string,
    createdBy: r.created_by as string | null, createdAt: r.created_at as Date,
  };
}
