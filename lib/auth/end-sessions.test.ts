// Ending a user's sessions: a whole-organization admin ends them all (the old cookie opens nothing,
// other users keep theirs, an audit row says who and how many); a scoped admin is refused, in the
// same words as for an unknown id, for a user they may not see; expired sessions do not count as live.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import type { Actor } from "./actor";
import { saveMapping } from "./access-mapping-store";
import { endUserSessions, noSuchUser } from "./end-sessions";
import { localActor } from "./local-actor";
import { createSession, readSession } from "./session-store";
import { listUserAccess } from "./user-access";
import { upsertUser, type UserRow } from "./users";

// Read lazily by env(): the policy the users list counts with, and endUserSessions' default.
Object.assign(process.env, { INSPECTORATE_SESSION_IDLE_MINUTES: "30", INSPECTORATE_SESSION_MAX_HOURS: "8" });
const policy = { idleMinutes: 30, maxHours: 8 };

const database = setupQueryTestDatabase();
const A = "111111111111", B = "222222222222";
const orgAdmin: Actor = { kind: "user", id: crypto.randomUUID(), name: "ada@example.com", role: "admin", scope: { accountIds: "all" } };
const payAdmin: Actor = { kind: "user", id: crypto.randomUUID(), name: "pay-admin@example.com", role: "admin", scope: { accountIds: [A] } };
const who = (subject: string, groups: string[]) => ({ issuer: "https://idp.test", subject, email: `${subject}@example.com`, name: subject, groups });
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const sessionsOf = async (u: UserRow) => (await database().pool.query("SELECT count(*)::int AS n FROM sessions WHERE user_id = $1", [u.id])).rows[0].n as number;
const audited = async () => (await database().pool.query("SELECT actor_name, action, target, detail, address FROM audit_events WHERE action = 'access.sessions.ended' ORDER BY at")).rows;

let alice: UserRow, carol: UserRow, sid: UserRow;
let aliceCookies: string[] = [];

beforeAll(async () => {
  await addAccount(database(), A, { ou_name: "Payments" });
  await addAccount(database(), B, { ou_name: "Search" });
  await saveMapping(localActor, "pay", { role: "viewer", scope: { accounts: [A] } });
  await saveMapping(localActor, "search", { role: "viewer", scope: { accounts: [B] } });
  alice = await upsertUser(who("alice", ["search"]));
  carol = await upsertUser(who("carol", ["pay"]));
  sid = await upsertUser(who("sid", ["search"]));
  aliceCookies = [(await createSession(alice.id, policy)).cookieValue, (await createSession(alice.id, policy, ago(10))).cookieValue];
  await createSession(alice.id, policy, ago(9 * 60)); // past its absolute expiry
  await createSession(alice.id, policy, ago(45)); // idle past 30 minutes
  await createSession(carol.id, policy);
  await createSession(sid.id, policy);
});

describe("ending a user's sessions", () => {
  it("counts only live sessions in the users list: neither expired nor idle too long", async () => {
    const listed = new Map((await listUserAccess(orgAdmin)).users.map((u) => [u.user.email, u.liveSessions]));
    expect(Object.fromEntries(listed)).toEqual({ "alice@example.com": 2, "carol@example.com": 1, "sid@example.com": 1 });
    expect(await sessionsOf(alice)).toBe(4);
  });

  it("refuses a scoped admin for a user beyond their scope in the same words as for an unknown id, and deletes nothing", async () => {
    expect((await listUserAccess(payAdmin)).users.map((u) => u.user.email)).toEqual(["carol@example.com"]);
    const beyond = await endUserSessions(payAdmin, alice.id, "203.0.113.9");
    const unknown = await endUserSessions(payAdmin, crypto.randomUUID(), "203.0.113.9");
    expect(beyond).toEqual({ ok: false, message: noSuchUser });
    expect(unknown).toEqual(beyond);
    expect(await endUserSessions(payAdmin, "not-a-uuid' OR 1=1 --", null)).toEqual(beyond);
    expect(await endUserSessions(orgAdmin, crypto.randomUUID(), null)).toEqual(beyond);
    expect([await sessionsOf(alice), await sessionsOf(sid), await sessionsOf(carol)]).toEqual([4, 1, 1]);
    expect(await audited()).toEqual([]);
  });

  it("refuses anyone but an admin", async () => {
    const viewer: Actor = { ...orgAdmin, role: "viewer" };
    expect(await endUserSessions(viewer, alice.id, null)).toMatchObject({ ok: false });
    expect(await sessionsOf(alice)).toBe(4);
  });

  it("lets a whole-organization admin end them: the old cookies open nothing, other users keep theirs, and it is audited", async () => {
    expect(await readSession(aliceCookies[0], policy)).toBe(alice.id);
    expect(await endUserSessions(orgAdmin, alice.id, "203.0.113.7")).toEqual({ ok: true, ended: 2, user: "alice@example.com" });
    expect(await sessionsOf(alice)).toBe(0);
    for (const c of aliceCookies) expect(await readSession(c, policy)).toBeNull();
    expect([await sessionsOf(sid), await sessionsOf(carol)]).toEqual([1, 1]);
    expect(await audited()).toEqual([
      { actor_name: "ada@example.com", action: "access.sessions.ended", target: alice.id, detail: { email: "alice@example.com", ended: 2 }, address: "203.0.113.7" },
    ]);
  });

  it("lets a scoped admin end the sessions of a user within their scope", async () => {
    expect(await endUserSessions(payAdmin, carol.id, null)).toEqual({ ok: true, ended: 1, user: "carol@example.com" });
    expect([await sessionsOf(carol), await sessionsOf(sid)]).toEqual([0, 1]);
  });
});
