// Saving a gate policy: validated, then stored as the name's next version (unchanged documents add
// no version, so loading the same files at every start is idempotent). Every new version and its
// audit row (gate.policy.saved: who, from where, or which policy file) commit together.
import { nulField } from "@/lib/domain/without-nul";
import { NUL_EXPECTED } from "@/lib/auth/request-checks";
import { isDeepStrictEqual } from "node:util";
import { db } from "@/lib/db/client";
import { ADVISORY_TEXT_KEYS } from "@/lib/db/advisory-keys";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit, type AuditActor } from "@/lib/auth/audit";
import { policyIssues, policySchema, type FieldIssue } from "@/lib/gate/policy-schema";

export type SavePolicyResult = { ok: true; name: string; version: number; unchanged: boolean } | { ok: false; status: 400 | 403 | 409; issues: FieldIssue[] };

/** `who` null: the server itself, loading a policy file at start (`source` names the file). */
export async function savePolicyVersion(input: unknown, who: Pick<Actor, "kind" | "id" | "name" | "role"> | null, source = "app", address: string | null = null): Promise<SavePolicyResult> {
  if (who && who.role !== "admin") return { ok: false, status: 403, issues: [{ field: "(document)", message: "only admins edit gate policies" }] };
  const parsed = policySchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: policyIssues(parsed.error) };
  // A NUL in a text (JSON's \u0000 escape) would fail the jsonb column: refused by its field's name.
  const nul = nulField(parsed.data, "(document)");
  if (nul) return { ok: false, status: 400, issues: [{ field: nul, message: NUL_EXPECTED }] };
  const p = parsed.data;
  const client = await db().pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${ADVISORY_TEXT_KEYS.gatePolicyPrefix}${p.name}`]);
    const last = await client.query(`SELECT version, document FROM gate_policy_versions WHERE name = $1 ORDER BY version DESC LIMIT 1`, [p.name]);
    if (last.rows.length && isDeepStrictEqual(policySchema.parse(last.rows[0].document), p)) {
      await client.query("COMMIT");
      return { ok: true, name: p.name, version: last.rows[0].version, unchanged: true };
    }
    const version = (last.rows[0]?.version ?? 0) + 1;
    await client.query(`INSERT INTO gate_policy_versions (name, version, document, source, created_by) VALUES ($1, $2, $3, $4, $5)`,
      [p.name, version, JSON.stringify(p), source, who?.name ?? null]);
    const actor: AuditActor = who ?? { kind: "system", id: null, name: "gate policy files" };
    await recordAudit(client, { actor, action: "gate.policy.saved", target: `${p.name} v${version}`, detail: { name: p.name, version, source }, address });
    await client.query("COMMIT");
    return { ok: true, name: p.name, version, unchanged: false };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
