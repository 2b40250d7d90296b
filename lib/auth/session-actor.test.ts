import { beforeAll, describe, expect, it } from "vitest";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { createSession, hashSessionId, readSession } from "./session-store";
import { upsertUser } from "./users";

process.env.INSPECTORATE_OIDC_GROUP_MAP = JSON.stringify({
  "sec-admins": { role: "admin", scope: "all" },
  "prod-viewers": { role: "viewer", scope: { ous: ["Production"] } },
  "payments": { role: "analyst", scope: { owners: ["team-payments"] } },
});
const { actorFromSession } = await import("./session-actor");
const { resolveScope } = await import("./scope-resolution");

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
