// A token or group mapping never reaches further than the admin who makes it: not a higher role,
// not an account outside the admin's scope for each permission of the role it hands out.
import { describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { POST as createTokenRoute } from "@/app/api/admin/tokens/route";
import type { Actor } from "./actor";
import { saveMapping } from "./access-mapping-store";
import { createApiToken } from "./api-tokens";
import { AppError } from "./app-error";
import { localActor } from "./local-actor";

const A = "111111111111", B = "222222222222";
const database = setupQueryTestDatabase();
const admin: Actor = { kind: "user", id: "u-admin", name: "admin@example.com", role: "admin", scope: allScope };
const paymentsAdmin: Actor = { kind: "user", id: "u-pay", name: "pay-admin@example.com", role: "admin", scope: { accountIds: [A] } };
const token = (role: string, scope: unknown) => ({ name: `t-${role}-${JSON.stringify(scope)}`, role, scope, expiresInDays: 5 });

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const err = await run.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
const tokenCount = async () => (await database().pool.query("SELECT count(*)::int AS n FROM api_tokens")).rows[0].n as number;

describe("what an admin may hand out", () => {
  it("refuses a token wider than its narrowed creator, naming the scope field", async () => {
    await addAccount(database(), A, { team: "payments", ou_name: "Payments" });
    await addAccount(database(), B, { team: "search", ou_name: "Search" });
    for (const scope of ["all", { accounts: [A, B] }, { owners: ["search"] }, { ous: ["Payments", "Search"] }]) {
      const err = await refusal(createApiToken(paymentsAdmin, token("viewer", scope), null));
      expect(err.code, JSON.stringify(scope)).toBe("forbidden");
      expect(err.message).toMatch(/^scope: wider than your own scope/);
      expect(err.issues).toEqual([{ field: "scope", message: expect.stringMatching(/^wider than your own scope/) }]);
    }
    // A scope that matches nothing yet would grow past the creator as accounts join it.
    expect((await refusal(createApiToken(paymentsAdmin, token("viewer", { ous: ["Future"] }), null))).issues[0].field).toBe("scope");
    expect(await tokenCount()).toBe(0);
    // Within its own accounts, however named: created.
    for (const scope of [{ accounts: [A] }, { owners: ["payments"] }, { ous: ["Payments"] }]) {
      await expect(createApiToken(paymentsAdmin, token("admin", scope), null)).resolves.toMatchObject({ token: { scope } });
    }
    // The whole organization's admin may hand out anything.
    await expect(createApiToken(admin, token("admin", "all"), null)).resolves.toMatchObject({ token: { scope: { all: true } } });
  });

  it("refuses a token role above its creator's", async () => {
    const analyst: Actor = { ...admin, role: "analyst" };
    const err = await refusal(createApiToken(analyst, token("admin", "all"), null));
    expect(err.issues).toEqual([{ field: "role", message: "may not exceed your own role (analyst)" }]);
    await expect(createApiToken(analyst, token("analyst", "all"), null)).resolves.toBeDefined();
  });

  it("checks each permission of the token's role, and the admin's own \"tokens\" scope, against the creator's scope for it", async () => {
    // Admin of A through one group, viewer of everything through another: their admin scope is A, so
    // even a viewer token over everything is beyond it (they could neither see nor revoke it after).
    const mixed: Actor = {
      ...admin, name: "mixed@example.com",
      permissionScopes: { read: allScope, sync: { accountIds: [A] }, exceptions: { accountIds: [A] }, "exceptions.approve": { accountIds: [A] }, freeze: { accountIds: [A] }, users: { accountIds: [A] }, roles: { accountIds: [A] }, settings: { accountIds: [A] }, tokens: { accountIds: [A] }, audit: { accountIds: [A] }, alerts: { accountIds: [A] } },
    };
    expect((await refusal(createApiToken(mixed, token("viewer", "all"), null))).issues[0].field).toBe("scope");
    await expect(createApiToken(mixed, token("viewer", { accounts: [A] }), null)).resolves.toBeDefined();
    expect((await refusal(createApiToken(mixed, token("analyst", "all"), null))).issues[0].field).toBe("scope");
    await expect(createApiToken(mixed, token("analyst", { accounts: [A] }), null)).resolves.toBeDefined();
  });

  it("answers 403 naming scope through POST /api/admin/tokens for a narrowed admin's token", async () => {
    // Made by local mode's admin, who still exists when it is used (creator-actor.ts).
    const { secret } = await createApiToken(localActor, { name: "pay-admin-token", role: "admin", scope: { accounts: [A] }, expiresInDays: 5 }, null);
    const post = (body: unknown) => createTokenRoute(new Request("http://127.0.0.1:3000/api/admin/tokens", {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, body: JSON.stringify(body),
    }));
    const res = await post(token("viewer", "all"));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden", error: expect.stringMatching(/^scope: /), issues: [{ field: "scope" }] });
    expect((await post(token("viewer", { accounts: [A] }))).status).toBe(201);
  });

  it("refuses a group mapping wider than the narrowed admin who saves it", async () => {
    expect(await saveMapping(paymentsAdmin, "pay-team", { role: "admin", scope: { all: true } })).toEqual({ ok: false, code: "forbidden", message: expect.stringMatching(/^scope: wider/) });
    expect(await saveMapping(paymentsAdmin, "pay-team", { role: "analyst", scope: { ous: ["Payments"] } })).toEqual({ ok: true });
    expect(await saveMapping(admin, "everyone", { role: "viewer", scope: { all: true } })).toEqual({ ok: true });
    expect((await database().pool.query("SELECT group_name FROM access_group_mappings ORDER BY 1")).rows.map((r) => r.group_name)).toEqual(["everyone", "pay-team"]);
  });
});
