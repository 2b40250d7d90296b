import { beforeAll, describe, expect, it } from "vitest";
import { addAccount, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { SESSION_COOKIE } from "./session-cookie-name";
import { createSession, hashSessionId, readSession } from "./session-store";
import { upsertUser } from "./users";

process.env.INSPECTORATE_OIDC_GROUP_MAP = JSON.stringify({
  "sec-admins": { role: "admin", scope: "all" },
  "prod-viewers": { role: "viewer", scope: { ous: ["Production"] } },
  "payments": { role: "analyst", scope: { owners: ["team-payments"] } },
  "payments-analysts": { role: "analyst", scope: { owners: ["team-payments"] } },
  "everyone": { role: "viewer", scope: "all" },
});
// Sign-in configured, so the guard resolves the session cookie (not local mode's admin).
Object.assign(process.env, { INSPECTORATE_OIDC_ISSUER: "https://idp.test/", INSPECTORATE_OIDC_CLIENT_ID: "inspectorate", INSPECTORATE_PUBLIC_URL: "http://127.0.0.1:3000" });
const { actorFromSession } = await import("./session-actor");
const { resolveScope } = await import("./scope-resolution");
const { admit } = await import("./guard");
const { POST: createException } = await import("@/app/api/review/exceptions/route");

const database = setupQueryTestDatabase();
const policy = { idleMinutes: 30, maxHours: 8 };
const who = (subject: string, groups: string[]) => ({ issuer: "https://idp.test", subject, email: `${subject}@example.com`, name: subject, groups });

beforeAll(async () => {
  const d = database();
  await addAccount(d, "111111111111", { ou_id: "ou-prod", ou_name: "Production", owner: "team-web" });
  await addAccount(d, "222222222222", { ou_id: "ou-prod", ou_name: "Production", team: "team-payments" });
  await addAccount(d, "333333333333", { ou_id: "ou-dev", ou_name: "Development", owner: "team-payments" });
  await addAccount(d, "444444444444", { ou_id: "ou-dev", ou_name: "Development" });
});

describe("scope resolution", () => {
  it("turns OU (name or id), owner/team and account rules into one account list", async () => {
    expect(await resolveScope([{ ous: ["Production"] }])).toEqual({ accountIds: ["111111111111", "222222222222"] });
    expect(await resolveScope([{ ous: ["ou-dev"] }])).toEqual({ accountIds: ["333333333333", "444444444444"] });
    expect(await resolveScope([{ owners: ["team-payments"] }, { accounts: ["444444444444"] }])).toEqual({ accountIds: ["222222222222", "333333333333", "444444444444"] });
    expect(await resolveScope([{ ous: ["Production"] }, { all: true }])).toEqual({ accountIds: "all" });
    expect(await resolveScope([{ ous: ["Nowhere"] }])).toEqual({ accountIds: [] });
  });
});

describe("sessions and actors", () => {
  it("stores only the hash of the cookie and resolves the user's role and scope", async () => {
    const u = await upsertUser(who("vera", ["prod-viewers", "unrelated"]));
    const { cookieValue } = await createSession(u.id, policy);
    const stored = await database().pool.query("SELECT id_hash FROM sessions");
    expect(stored.rows.map((r) => r.id_hash)).toEqual([hashSessionId(cookieValue)]);
    expect(JSON.stringify(stored.rows)).not.toContain(cookieValue);
    expect(await actorFromSession(cookieValue)).toEqual({
      kind: "user", id: u.id, name: "vera@example.com", role: "viewer", scope: { accountIds: ["111111111111", "222222222222"] },
    });
  });

  it("answers null for unknown cookies and for users whose groups map to no role", async () => {
    expect(await actorFromSession("x".repeat(43))).toBeNull();
    expect(await actorFromSession("' OR 1=1 --")).toBeNull();
    const u = await upsertUser(who("nobody", ["contractors"]));
    expect(await actorFromSession((await createSession(u.id, policy)).cookieValue)).toBeNull();
  });

  it("applies an admin's mapping from the table over the environment's", async () => {
    const u = await upsertUser(who("pat", ["payments"]));
    const { cookieValue } = await createSession(u.id, policy);
    expect((await actorFromSession(cookieValue))?.role).toBe("analyst");
    await database().pool.query("INSERT INTO access_group_mappings (group_name, role, scope) VALUES ('payments', 'viewer', $1)", [JSON.stringify({ accounts: ["444444444444"] })]);
    expect(await actorFromSession(cookieValue)).toMatchObject({ role: "viewer", scope: { accountIds: ["444444444444"] } });
  });

  it("expires sessions when idle too long and at the absolute limit, deleting the row", async () => {
    const u = await upsertUser(who("ida", ["sec-admins"]));
    const t0 = new Date("2026-01-01T00:00:00Z");
    const at = (min: number) => new Date(t0.getTime() + min * 60_000);
    const idle = await createSession(u.id, policy, t0);
    expect(await readSession(idle.cookieValue, policy, at(29))).toBe(u.id);
    expect(await readSession(idle.cookieValue, policy, at(58))).toBe(u.id); // touched at 29
    expect(await readSession(idle.cookieValue, policy, at(89))).toBeNull();
    expect(await readSession(idle.cookieValue, policy, at(60))).toBeNull(); // deleted, not revived
    const busy = await createSession(u.id, policy, t0);
    for (let m = 20; m < 480; m += 20) expect(await readSession(busy.cookieValue, policy, at(m))).toBe(u.id);
    expect(await readSession(busy.cookieValue, policy, at(480))).toBeNull();
  });
});

describe("a user in groups of different roles", () => {
  // "payments-analysts": analyst of team-payments (222…, 333…); "everyone": viewer of every account.
  const cookieHeaders = (cookieValue: string, extra: Record<string, string> = {}) => new Headers({ host: "127.0.0.1:3000", cookie: `${SESSION_COOKIE}=${cookieValue}`, ...extra });

  it("reads everything but acts with each permission only where a group grants it", async () => {
    const u = await upsertUser(who("mia", ["payments-analysts", "everyone"]));
    const { cookieValue } = await createSession(u.id, policy);
    const actor = await actorFromSession(cookieValue);
    expect(actor).toMatchObject({ role: "analyst", scope: { accountIds: "all" } });
    expect(actor?.permissionScopes).toMatchObject({
      read: { accountIds: "all" },
      exceptions: { accountIds: ["222222222222", "333333333333"] },
      freeze: { accountIds: ["222222222222", "333333333333"] },
      sync: { accountIds: ["222222222222", "333333333333"] },
    });
    // The request guard hands each handler the scope of its permission.
    const url = "http://127.0.0.1:3000/api/x";
    expect((await admit(cookieHeaders(cookieValue), url, { permission: "read", mutating: false })).scope).toEqual({ accountIds: "all" });
    const acting = await admit(cookieHeaders(cookieValue), url, { permission: "exceptions", mutating: false });
    expect(acting.scope).toEqual({ accountIds: ["222222222222", "333333333333"] });
    expect(acting.actor.scope).toEqual(acting.scope);
  });

  it("cannot write a risk exception for an account it only views", async () => {
    const u = await upsertUser(who("max", ["payments-analysts", "everyone"]));
    const { cookieValue } = await createSession(u.id, policy);
    const viewedOnly = await addFinding(database(), { account_id: "111111111111" });
    const own = await addFinding(database(), { account_id: "222222222222" });
    const expiresOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const post = (findingArn: string) => createException(new Request("http://127.0.0.1:3000/api/review/exceptions", {
      method: "POST",
      headers: cookieHeaders(cookieValue, { "content-type": "application/json", origin: "http://127.0.0.1:3000" }),
      body: JSON.stringify({ target: "finding", findingArn, reason: "compensating control in place", owner: "payments", expiresOn }),
    }));
    expect((await post(viewedOnly)).status).toBe(404);
    expect((await post(own)).status).toBe(201);
  });

  it("keeps one scope for users whose groups share a role", async () => {
    const u = await upsertUser(who("vic", ["prod-viewers", "everyone"]));
    const actor = await actorFromSession((await createSession(u.id, policy)).cookieValue);
    expect(actor).toEqual({ kind: "user", id: u.id, name: "vic@example.com", role: "viewer", scope: { accountIds: "all" } });
  });
});
