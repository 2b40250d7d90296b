// A token reaches, at every use, only the accounts its scope names then AND its creator reaches
// then: an OU that gains accounts does not widen it past its creator; a creator who is gone,
// unmapped or no longer an admin takes it down, and so does a revoked parent token.
import { afterEach, describe, expect, it, vi } from "vitest";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { saveMapping } from "./access-mapping-store";
import type { Actor } from "./actor";
import { createApiToken, revokeApiToken, tokenReachNow, listApiTokens } from "./api-tokens";
import { localActor } from "./local-actor";
import { actorFromToken } from "./token-actor";
import { actorForUser } from "./user-actor";
import { upsertUser } from "./users";

const signIn = vi.hoisted(() => ({ configured: false }));
vi.mock("./oidc-client", () => ({ signInConfigured: () => signIn.configured }));

const A = "111111111111", B = "222222222222", C = "333333333333";
const database = setupQueryTestDatabase();
const q = (sql: string, params: unknown[] = []) => database().pool.query(sql, params);
let seq = 0;

/** A signed-in user in `groups`, as an Actor under today's mapping. */
async function user(groups: string[]): Promise<Actor> {
  const u = await upsertUser({ issuer: "https://idp.example", subject: `s-${++seq}`, email: `u${seq}@example.com`, name: null, groups });
  return (await actorForUser(u))!;
}
const ids = (a: Actor | null) => a?.scope.accountIds;

describe("a token's reach at use time", () => {
  afterEach(() => void (signIn.configured = false));

  it("an OU that gains accounts does not widen a token past its creator; the creator's narrowing narrows it", async () => {
    await addAccount(database(), A, { ou_name: "Payments", team: "payments" });
    await addAccount(database(), B, { ou_name: "Search", team: "search" });
    await saveMapping(localActor, "pay-admins", { role: "admin", scope: { accounts: [A] } });
    const creator = await user(["pay-admins"]);
    const { secret } = await createApiToken(creator, { name: "pay-ci", role: "viewer", scope: { ous: ["Payments"] }, expiresInDays: 5 }, null);
    expect(ids(await actorFromToken(secret))).toEqual([A]);

    // B moves into OU Payments: the token's own scope now names B, its creator still cannot see B.
    await q(`UPDATE accounts SET ou_name = 'Payments' WHERE id = $1`, [B]);
    expect(ids(await actorFromToken(secret))).toEqual([A]);
    // The creator is given B as well: now the token reaches it.
    await saveMapping(localActor, "pay-admins", { role: "admin", scope: { accounts: [A, B] } });
    expect(ids(await actorFromToken(secret))).toEqual([A, B]);
    // The token's OU loses A: it drops out at once, whatever its creator reaches.
    await q(`UPDATE accounts SET ou_name = 'Other' WHERE id = $1`, [A]);
    expect(ids(await actorFromToken(secret))).toEqual([B]);
  });

  it("each permission reaches only what the creator reaches with it (admin of A, viewer of all)", async () => {
    await addAccount(database(), C, { ou_name: "Payments" });
    await saveMapping(localActor, "mixed-admin", { role: "admin", scope: { accounts: [C] } });
    await saveMapping(localActor, "everyone", { role: "viewer", scope: { all: true } });
    const creator = await user(["mixed-admin", "everyone"]);
    const { secret } = await createApiToken(creator, { name: "mixed-ci", role: "analyst", scope: { accounts: [C] }, expiresInDays: 5 }, null);
    // C is also visible through "everyone"; widen the token's rule in place, as an OU gaining accounts would.
    await q(`UPDATE api_tokens SET scope = '{"all": true}' WHERE name = 'mixed-ci'`);
    const t = (await actorFromToken(secret))!;
    expect(t.scope).toEqual({ accountIds: "all" });
    expect(t.permissionScopes?.exceptions).toEqual({ accountIds: [C] });
    expect(t.permissionScopes?.sync).toEqual({ accountIds: [C] });
  });

  it("is refused once its creator is unmapped, demoted, gone, or its parent token revoked; local mode's tokens end with local mode", async () => {
    await saveMapping(localActor, "org-admins", { role: "admin", scope: { all: true } });
    const creator = await user(["org-admins"]);
    const made = await createApiToken(creator, { name: "org-ci", role: "viewer", scope: "all", expiresInDays: 5 }, null);
    const parent = (await actorFromToken(made.secret))!;
    expect(ids(parent)).toBe("all");
    // A viewer token cannot make tokens; an admin token made by the same creator can.
    const adminToken = await createApiToken(creator, { name: "org-admin-ci", role: "admin", scope: "all", expiresInDays: 5 }, null);
    const child = await createApiToken((await actorFromToken(adminToken.secret))!, { name: "child-ci", role: "viewer", scope: "all", expiresInDays: 5 }, null);
    expect(ids(await actorFromToken(child.secret))).toBe("all");

    await saveMapping(localActor, "org-admins", { role: "viewer", scope: { all: true } }); // demoted: may no longer make tokens
    expect(await actorFromToken(made.secret)).toBeNull();
    expect(await actorFromToken(child.secret)).toBeNull();
    await saveMapping(localActor, "org-admins", { role: "admin", scope: { all: true } });
    expect(await actorFromToken(child.secret)).not.toBeNull();

    await revokeApiToken(localActor, adminToken.token.id, null); // the parent token is revoked: its child goes with it
    expect(await actorFromToken(child.secret)).toBeNull();
    const listed = (await listApiTokens(localActor)).find((t) => t.name === "child-ci")!;
    expect(await tokenReachNow(listed)).toBeNull();

    await q(`UPDATE users SET groups = '{}' WHERE id = $1`, [creator.id]); // unmapped
    expect(await actorFromToken(made.secret)).toBeNull();
    await q(`DELETE FROM users WHERE id = $1`, [creator.id]); // gone
    expect(await actorFromToken(made.secret)).toBeNull();

    // A token whose maker was never recorded (made before it was kept, and not matched) is refused.
    const legacy = await createApiToken(localActor, { name: "legacy", role: "viewer", scope: "all", expiresInDays: 5 }, null);
    expect(await actorFromToken(legacy.secret)).not.toBeNull();
    signIn.configured = true; // local mode ended: its admin is gone
    expect(await actorFromToken(legacy.secret)).toBeNull();
    signIn.configured = false;
    await q(`UPDATE api_tokens SET created_by_kind = NULL, created_by_id = NULL WHERE name = 'legacy'`);
    expect(await actorFromToken(legacy.secret)).toBeNull();
  });
});
