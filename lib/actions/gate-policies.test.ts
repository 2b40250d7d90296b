// A gate policy change is audited like every other change: one gate.policy.saved row per new version
// (who, from which address, or which policy file), committed with the version or not at all.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { allScope } from "@/lib/queries/scope";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { savePolicyVersion } from "./gate-policies";
import { loadPolicyDirectory } from "./gate-policy-files";

const database = setupQueryTestDatabase();
const ann: Actor = { kind: "user", id: "u-ann", name: "ann@example.com", role: "admin", scope: allScope };
const doc = (maxCacheAgeHours: number) => ({ name: "team-b", maxCacheAgeHours, rules: [{ id: "r1", when: { severities: ["CRITICAL"] } }] });

const audit = async () => (await database().pool.query(
  `SELECT actor_kind, actor_id, actor_name, action, target, detail, address FROM audit_events WHERE action = 'gate.policy.saved' ORDER BY id`)).rows;
const versions = async (name: string) => (await database().pool.query(`SELECT version FROM gate_policy_versions WHERE name = $1 ORDER BY version`, [name])).rows.map((r) => r.version);

describe("gate policy audit (database)", () => {
  it("records who saved which version from where; an unchanged document adds neither a version nor a row", async () => {
    expect(await savePolicyVersion(doc(24), ann, "app", "10.0.0.7")).toMatchObject({ ok: true, version: 1, unchanged: false });
    expect(await savePolicyVersion(doc(24), ann, "app", "10.0.0.7")).toMatchObject({ ok: true, version: 1, unchanged: true });
    expect(await savePolicyVersion(doc(6), ann, "app", "10.0.0.8")).toMatchObject({ ok: true, version: 2 });
    expect(await audit()).toEqual([
      { actor_kind: "user", actor_id: "u-ann", actor_name: "ann@example.com", action: "gate.policy.saved", target: "team-b v1", detail: { name: "team-b", version: 1, source: "app" }, address: "10.0.0.7" },
      { actor_kind: "user", actor_id: "u-ann", actor_name: "ann@example.com", action: "gate.policy.saved", target: "team-b v2", detail: { name: "team-b", version: 2, source: "app" }, address: "10.0.0.8" },
    ]);
  });

  it("refuses a document holding a NUL (JSON's \\u0000) by its field's path, writing nothing", async () => {
    const before = await audit();
    const nul = { ...doc(24), name: "team-nul", rules: [{ id: "r1", description: "critical\0", when: { severities: ["CRITICAL"] } }] };
    expect(await savePolicyVersion(nul, ann, "app", "10.0.0.7")).toEqual({ ok: false, status: 400, issues: [{ field: "rules.0.description", message: "expected text without a NUL character (U+0000)" }] });
    expect(await versions("team-nul")).toEqual([]);
    expect(await audit()).toEqual(before);
  });

  it("records a version loaded from a policy file as the server's", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gate-policy-audit-"));
    fs.writeFileSync(path.join(dir, "files.yaml"), "name: from-files\nrules:\n  - id: r1\n    when: { severities: [CRITICAL] }\n");
    expect(await loadPolicyDirectory(dir)).toEqual([{ file: "files.yaml", ok: true, message: "from-files v1" }]);
    expect((await audit()).at(-1)).toEqual({ actor_kind: "system", actor_id: null, actor_name: "gate policy files", action: "gate.policy.saved",
      target: "from-files v1", detail: { name: "from-files", version: 1, source: "file:files.yaml" }, address: null });
  });

  it("writes no version when its audit row cannot be written", async () => {
    const before = await audit();
    await database().pool.query(`ALTER TABLE audit_events ADD CONSTRAINT no_policy_audit CHECK (action <> 'gate.policy.saved') NOT VALID`);
    try {
      await expect(savePolicyVersion(doc(12), ann, "app", "10.0.0.9")).rejects.toThrow(/no_policy_audit/);
      expect(await versions("team-b")).toEqual([1, 2]);
    } finally {
      await database().pool.query(`ALTER TABLE audit_events DROP CONSTRAINT no_policy_audit`);
    }
    expect(await audit()).toEqual(before);
  });
});
