import { describe, expect, it } from "vitest";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import type { Actor } from "./actor";
import { deleteMapping, saveMapping } from "./access-mapping-store";
import { mappingRows } from "./effective-group-map";
import { parseMappingForm } from "./mapping-form";

const database = setupQueryTestDatabase();
const admin: Actor = { kind: "user", id: "u1", name: "ada@example.com", role: "admin", scope: { accountIds: "all" } };
const analyst: Actor = { ...admin, name: "ann@example.com", role: "analyst" };
const form = (f: Record<string, string>) => {
  const d = new FormData();
  for (const [k, v] of Object.entries(f)) d.set(k, v);
  return d;
};

describe("admin-edited group mappings", () => {
  it("parses the form into a grant, or one plain message", () => {
    expect(parseMappingForm(form({ group: " prod ", role: "viewer", scopeKind: "ous", scopeValues: "Production, Staging" }))).toEqual({
      ok: true, group: "prod", grant: { role: "viewer", scope: { ous: ["Production", "Staging"] } },
    });
    expect(parseMappingForm(form({ group: "x", role: "viewer", scopeKind: "all" }))).toMatchObject({ ok: true, grant: { scope: { all: true } } });
    expect(parseMappingForm(form({ group: "x", role: "boss", scopeKind: "all" }))).toMatchObject({ ok: false, message: expect.stringMatching(/^role: /) });
    expect(parseMappingForm(form({ group: "x", role: "viewer", scopeKind: "accounts", scopeValues: "123" }))).toMatchObject({ ok: false, message: expect.stringContaining('expected a 12-digit account id, got "123"') });
    expect(parseMappingForm(form({ group: "", role: "viewer", scopeKind: "all" }))).toEqual({ ok: false, message: "the group name is empty" });
  });

  it("lets only admins change access, overrides the environment's mapping, audits each change", async () => {
    const envMap = { prod: { role: "viewer" as const, scope: { ous: ["Production"] } } };
    expect(await saveMapping(analyst, "prod", { role: "admin", scope: { all: true } })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await saveMapping(admin, "prod", { role: "analyst", scope: { owners: ["team-a"] } })).toEqual({ ok: true });
    const rows = await mappingRows(envMap);
    expect(rows).toMatchObject([{ group: "prod", role: "analyst", scope: { owners: ["team-a"] }, source: "app", updatedBy: "ada@example.com" }]);
    expect(await deleteMapping(admin, "prod")).toEqual({ ok: true });
    expect(await mappingRows(envMap)).toMatchObject([{ group: "prod", role: "viewer", source: "environment" }]);
    expect(await deleteMapping(admin, "prod")).toMatchObject({ ok: false, code: "not_found" });
    const audit = await database().pool.query("SELECT action, target, actor_name FROM audit_events ORDER BY id");
    expect(audit.rows).toEqual([
      { action: "access.mapping.saved", target: "prod", actor_name: "ada@example.com" },
      { action: "access.mapping.deleted", target: "prod", actor_name: "ada@example.com" },
    ]);
    expect((await database().pool.query("SELECT count(*)::int AS n FROM access_group_mappings")).rows[0].n).toBe(0);
  });

  it("removes an override of the environment's mapping only when asked to bring it back, and never when it is beyond the admin", async () => {
    const A = "111111111111";
    await addAccount(database(), A, { ou_name: "Payments" });
    const envMap = { sec: { role: "admin" as const, scope: { all: true as const } } };
    const paymentsAdmin: Actor = { ...admin, id: "u2", name: "pat@example.com", scope: { accountIds: [A] } };
    const audited = async () => (await database().pool.query("SELECT count(*)::int AS n FROM audit_events WHERE target = 'sec'")).rows[0].n as number;
    // The app narrowed the environment's "sec" (admin of everything) to a viewer of one account.
    expect(await saveMapping(admin, "sec", { role: "viewer", scope: { accounts: [A] } })).toEqual({ ok: true });
    expect((await mappingRows(envMap)).find((r) => r.group === "sec")).toMatchObject({ source: "app", role: "viewer", overrides: envMap.sec });

    // Removing it would hand "sec" the whole organization again: refused, saying so, until confirmed.
    const unconfirmed = await deleteMapping(admin, "sec", null, { envMap });
    expect(unconfirmed).toEqual({ ok: false, code: "conflict", message: expect.stringContaining(`would bring back the environment's mapping of "sec" (INSPECTORATE_OIDC_GROUP_MAP): admin, whole organization`) });
    // A scoped admin may not bring back a mapping beyond their own scope, even when confirming.
    const scoped = await deleteMapping(paymentsAdmin, "sec", null, { envMap, restoreEnvironment: true });
    expect(scoped).toMatchObject({ ok: false, code: "forbidden", message: expect.stringMatching(/admin, a scope wider than yours, which you may not grant; save a narrower mapping instead$/) });
    expect((await mappingRows(envMap)).find((r) => r.group === "sec")).toMatchObject({ source: "app", role: "viewer" });
    expect(await audited()).toBe(1);

    // Confirmed by an admin whose scope covers it: removed, the audit row naming what now applies.
    expect(await deleteMapping(admin, "sec", "203.0.113.9", { envMap, restoreEnvironment: true })).toEqual({ ok: true });
    expect((await mappingRows(envMap)).find((r) => r.group === "sec")).toMatchObject({ source: "environment", role: "admin" });
    const row = (await database().pool.query("SELECT detail, address FROM audit_events WHERE action = 'access.mapping.deleted' AND target = 'sec'")).rows[0];
    expect(row).toEqual({ detail: { removed: { role: "viewer", scope: { accounts: [A] } }, environmentApplies: { role: "admin", scope: { all: true } } }, address: "203.0.113.9" });
  });
});
