// A scoped admin (here: admin of account A only, through a token made in local mode) sees and changes
// only the tokens and mappings, and sees only the users, that lie within their admin scope, and reads
// no audit log; every refusal is a 403 saying what and why, and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { GET as auditCsvRoute } from "@/app/api/admin/audit/route";
import { GET as listTokensRoute } from "@/app/api/admin/tokens/route";
import { POST as revokeTokenRoute } from "@/app/api/admin/tokens/[id]/revoke/route";
import type { Actor } from "./actor";
import { deleteMapping, mappingsFor, saveMapping } from "./access-mapping-store";
import { createApiToken, listApiTokens } from "./api-tokens";
import { localActor } from "./local-actor";
import { listUserAccess } from "./user-access";
import { upsertUser } from "./users";

const database = setupQueryTestDatabase();
const A = "111111111111", B = "222222222222";
const url = (p: string) => `http://127.0.0.1:3000${p}`;
const payAdmin: Actor = { kind: "user", id: "u-pay", name: "pay-admin@example.com", role: "admin", scope: { accountIds: [A] } };
let paySecret = "";
const asPay = (init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as object), authorization: `Bearer ${paySecret}` } });
const count = async (sql: string) => (await database().pool.query(sql)).rows[0].n as number;

beforeAll(async () => {
  await addAccount(database(), A, { ou_name: "Payments" });
  await addAccount(database(), B, { ou_name: "Search" });
  // The scoped admin as the API sees them: a token of local mode's admin, admin of A only.
  paySecret = (await createApiToken(localActor, { name: "pay-admin", role: "admin", scope: { accounts: [A] }, expiresInDays: 5 }, null)).secret;
});

describe("a scoped admin and API tokens", () => {
  it("lists only tokens within their admin scope and gets 403, naming the token, for revoking any other", async () => {
    const org = (await createApiToken(localActor, { name: "org-ci", role: "viewer", scope: "all", expiresInDays: 5 }, null)).token;
    const other = (await createApiToken(localActor, { name: "search-ci", role: "viewer", scope: { accounts: [B] }, expiresInDays: 5 }, null)).token;
    const own = (await createApiToken(localActor, { name: "pay-ci", role: "viewer", scope: { ous: ["Payments"] }, expiresInDays: 5 }, null)).token;

    const listed = await listTokensRoute(new Request(url("/api/admin/tokens"), asPay()));
    expect(listed.status).toBe(200);
    const body = await listed.text();
    expect(JSON.parse(body).map((t: { name: string }) => t.name).sort()).toEqual(["pay-admin", "pay-ci"]);
    expect(body).not.toContain(B);
    expect((await listApiTokens(localActor)).map((t) => t.name).sort()).toEqual(["org-ci", "pay-admin", "pay-ci", "search-ci"]);

    const revoke = (id: string) => revokeTokenRoute(new Request(url(`/api/admin/tokens/${id}/revoke`), asPay({ method: "POST" })), { params: Promise.resolve({ id }) });
    for (const t of [org, other]) {
      const res = await revoke(t.id);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "forbidden", error: `token "${t.name}" reaches beyond your admin scope: only an admin whose scope covers its role and accounts may revoke it` });
    }
    expect(await count(`SELECT count(*)::int AS n FROM api_tokens WHERE revoked_at IS NOT NULL`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'token.revoked'`)).toBe(0);

    expect((await revoke(own.id)).status).toBe(200);
    expect((await database().pool.query(`SELECT actor_name, target FROM audit_events WHERE action = 'token.revoked'`)).rows).toEqual([{ actor_name: 'token "pay-admin"', target: own.id }]);
  });
});

describe("a scoped admin and access mappings", () => {
  it("may not overwrite or remove a mapping beyond their admin scope, the app's or the environment's, and lists only theirs", async () => {
    const envMap = { "env-org": { role: "viewer" as const, scope: { all: true as const } } };
    expect(await saveMapping(localActor, "everyone", { role: "viewer", scope: { all: true } }, null, envMap)).toEqual({ ok: true });
    expect(await saveMapping(localActor, "search", { role: "analyst", scope: { accounts: [B] } }, null, envMap)).toEqual({ ok: true });
    expect(await saveMapping(payAdmin, "pay-team", { role: "analyst", scope: { ous: ["Payments"] } }, null, envMap)).toEqual({ ok: true });
    const audited = () => count(`SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'access.mapping.%'`);
    const before = await audited();

    const beyond = (whose: string, group: string) => ({ ok: false, code: "forbidden", message: `${whose} of "${group}" reaches beyond your admin scope: only an admin whose scope covers its role and accounts may change or remove it` });
    // Narrowing (overwriting) or removing the whole organization's, or another account's, mapping: refused.
    expect(await saveMapping(payAdmin, "everyone", { role: "viewer", scope: { accounts: [A] } }, null, envMap)).toEqual(beyond("the app's mapping", "everyone"));
    expect(await deleteMapping(payAdmin, "everyone", null, { envMap })).toEqual(beyond("the app's mapping", "everyone"));
    expect(await deleteMapping(payAdmin, "search", null, { envMap })).toEqual(beyond("the app's mapping", "search"));
    expect(await saveMapping(payAdmin, "env-org", { role: "viewer", scope: { accounts: [A] } }, null, envMap)).toEqual(beyond("the environment's mapping (INSPECTORATE_OIDC_GROUP_MAP)", "env-org"));
    expect(JSON.stringify(await deleteMapping(payAdmin, "search", null, { envMap }))).not.toContain(B);
    expect((await database().pool.query(`SELECT group_name, role FROM access_group_mappings ORDER BY group_name`)).rows).toEqual([
      { group_name: "everyone", role: "viewer" }, { group_name: "pay-team", role: "analyst" }, { group_name: "search", role: "analyst" },
    ]);
    expect(await audited()).toBe(before);

    expect((await mappingsFor(payAdmin, envMap)).map((r) => r.group)).toEqual(["pay-team"]);
    expect((await mappingsFor(localActor, envMap)).map((r) => r.group)).toEqual(["env-org", "everyone", "pay-team", "search"]);
    // Their own: changed and removed, audited.
    expect(await saveMapping(payAdmin, "pay-team", { role: "viewer", scope: { accounts: [A] } }, null, envMap)).toEqual({ ok: true });
    expect(await deleteMapping(payAdmin, "pay-team", null, { envMap })).toEqual({ ok: true });
    expect(await audited()).toBe(before + 2);
  });
});

describe("a scoped admin and the users list", () => {
  it("lists only users whose every group lies within their admin scope, with no other account's id or count, and none with no access", async () => {
    await saveMapping(localActor, "u-pay", { role: "analyst", scope: { ous: ["Payments"] } });
    await saveMapping(localActor, "u-search", { role: "viewer", scope: { accounts: [B] } });
    await saveMapping(localActor, "u-pair", { role: "viewer", scope: { accounts: [A, B] } });
    await saveMapping(localActor, "u-all", { role: "viewer", scope: { all: true } });
    const user = (email: string, groups: string[]) => upsertUser({ issuer: "https://idp.example", subject: email, email, name: null, groups });
    await user("pam@example.com", ["u-pay"]);
    await user("sam@example.com", ["u-search"]);
    await user("pia@example.com", ["u-pay", "u-all"]); // Payments, and a viewer of everything
    await user("ann@example.com", ["u-pair"]); // one account of theirs, one not
    await user("nia@example.com", ["unmapped"]);

    const seen = await listUserAccess(payAdmin);
    // Not nia, of no mapped group: a user with no access is in no admin's scope, so only a whole-organization admin lists them.
    expect(seen.users.map((u) => [u.user.email, u.role, u.accounts]).sort()).toEqual([["pam@example.com", "analyst", 1]]);
    expect(seen.total).toBe(1);
    expect(JSON.stringify(seen)).not.toContain(B);
    expect(JSON.stringify(seen)).not.toContain("nia@");
    // The whole organization's admin sees everyone, with their counts, and those with no access.
    const all = new Map((await listUserAccess(localActor)).users.map((u) => [u.user.email, u]));
    expect(all.get("nia@example.com")).toMatchObject({ role: null, scope: "no access" });
    expect([...all.keys()].sort()).toEqual(["ann@example.com", "nia@example.com", "pam@example.com", "pia@example.com", "sam@example.com"]);
    expect([all.get("ann@example.com")?.scope, all.get("ann@example.com")?.accounts, all.get("pia@example.com")?.accounts]).toEqual([`accounts ${A}, ${B}`, 2, null]);
  });
});

describe("a scoped admin and a mapping that overrides the environment's", () => {
  it("says the environment's mapping is wider than theirs, never naming its accounts outside their scope", async () => {
    const envMap = { ops: { role: "viewer" as const, scope: { accounts: [A, B] } }, pay: { role: "viewer" as const, scope: { accounts: [A] } } };
    // A whole-organization admin narrowed both to account A: a mapping within the scoped admin's, listed for them.
    for (const g of ["ops", "pay"]) expect(await saveMapping(localActor, g, { role: "analyst", scope: { accounts: [A] } }, null, envMap)).toEqual({ ok: true });

    const listed = (await mappingsFor(payAdmin, envMap)).filter((r) => r.group === "ops" || r.group === "pay");
    expect(listed.map((r) => [r.group, r.overrides])).toEqual([["ops", "viewer, a scope wider than yours"], ["pay", `viewer, accounts ${A}`]]);
    expect(JSON.stringify(listed)).not.toContain(B);
    // The page offers "Remove" only where deleteMapping would allow it: not ops, whose removal brings back a wider mapping.
    expect(listed.map((r) => [r.group, r.removable])).toEqual([["ops", false], ["pay", true]]);
    const refused = await deleteMapping(payAdmin, "ops", null, { envMap, restoreEnvironment: true });
    expect(refused).toEqual({ ok: false, code: "forbidden", message: `removing it would bring back the environment's mapping of "ops" (INSPECTORATE_OIDC_GROUP_MAP): viewer, a scope wider than yours, which you may not grant; save a narrower mapping instead` });
    // The whole organization's admin reads it in full.
    expect((await mappingsFor(localActor, envMap)).find((r) => r.group === "ops")).toMatchObject({ overrides: `viewer, accounts ${A}, ${B}`, removable: true });
    expect(await deleteMapping(payAdmin, "pay", null, { envMap, restoreEnvironment: true })).toEqual({ ok: true });
    expect(await deleteMapping(localActor, "ops", null, { envMap })).toMatchObject({ code: "conflict", message: expect.stringContaining(`viewer, accounts ${A}, ${B}; confirm`) });
  });
});

describe("a scoped admin and the audit log", () => {
  it("gets 403 from the export, saying it is for whole-organization admins, and nothing is recorded", async () => {
    const exports = () => count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'export.audit_csv'`);
    const res = await auditCsvRoute(new Request(url("/api/admin/audit"), asPay()));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden", error: expect.stringMatching(/^the audit log is for whole-organization admins: your admin scope is limited to some accounts/) });
    expect(await exports()).toBe(0);
    // Local mode's admin (the whole organization) exports it.
    expect((await auditCsvRoute(new Request(url("/api/admin/audit")))).status).toBe(200);
    expect(await exports()).toBe(1);
  });
});
