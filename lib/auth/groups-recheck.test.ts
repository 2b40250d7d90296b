// The groups recheck against a real OpenID provider (oidc-provider, in this process, the e2e tests'
// own), through openid-client: sign-in by the app's own code (startSignIn, the provider's login and
// consent forms, finishSignIn), then rechecks at chosen instants while the provider's answer changes.
import net from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { createTestIdp } from "@/e2e/oidc/test-idp";
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from "@/e2e/oidc/test-idp-config";

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address() as net.AddressInfo;
    s.close(() => resolve(port));
  });
});
const port = await freePort();
const issuer = `http://127.0.0.1:${port}`;
const app = "http://127.0.0.1:3999";
Object.assign(process.env, {
  INSPECTORATE_OIDC_ISSUER: issuer, INSPECTORATE_OIDC_CLIENT_ID: TEST_CLIENT_ID, INSPECTORATE_OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
  INSPECTORATE_PUBLIC_URL: app, INSPECTORATE_OIDC_GROUPS_RECHECK_SECONDS: "60",
  INSPECTORATE_OIDC_GROUP_MAP: JSON.stringify({ "org-viewers": { role: "viewer", scope: "all" }, "inspectorate-admins": { role: "admin", scope: "all" } }),
});
const { finishSignIn, refreshIdentity, refusalOf, revokeRefreshToken, startSignIn } = await import("./oidc-client");
const { createSession, deleteSession, hashSessionId, openSession } = await import("./session-store");
const { openRefreshToken } = await import("./refresh-token-seal");
const { recheckGroups } = await import("./groups-recheck");
const { getUser, upsertUser } = await import("./users");
const { metrics } = await import("@/lib/ops/metrics");

const database = setupQueryTestDatabase();
let server: Server;
beforeAll(async () => {
  server = createTestIdp(port, `${app}/auth/callback`).listen(port, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
});
afterAll(() => new Promise((r) => server.close(r)));

const atProvider = (login: string, change: { groups?: string[]; disabled?: boolean }) =>
  fetch(`${issuer}/test-control/users/${login}`, { method: "POST", body: JSON.stringify(change) });

/** The browser's part of a sign-in, by hand: follow the provider's redirects, fill its login and consent forms. */
async function signIn(login: string) {
  const { url, attempt } = await startSignIn("/");
  const jar = new Map<string, string>();
  let next: { url: string; init?: RequestInit } = { url: url.href };
  for (let hop = 0; hop < 12; hop++) {
    const r = await fetch(next.url, { ...next.init, redirect: "manual", headers: { ...(next.init?.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair.split("=");
      jar.set(k, v.join("="));
    }
    const location = r.headers.get("location");
    if (location?.startsWith(`${app}/auth/callback`)) return { identity: await finishSignIn(new URL(location).search, attempt), scope: url.searchParams.get("scope") };
    if (location) {
      next = { url: new URL(location, next.url).href };
      continue;
    }
    const html = await r.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${next.url}: ${r.status}`);
    const form: Record<string, string> = html.includes('name="login"') ? { prompt: "login", login, password: "any password" } : { prompt: "consent" };
    next = { url: new URL(action, next.url).href, init: { method: "POST", body: new URLSearchParams(form), headers: { "content-type": "application/x-www-form-urlencoded" } } };
  }
  throw new Error("sign-in did not come back to the app");
}

async function session(login: string, at: Date) {
  const { identity, scope } = await signIn(login);
  const user = await upsertUser(identity);
  const { cookieValue } = await createSession(user.id, policy, at, identity.refreshToken);
  return { identity, scope, user, cookieValue };
}
const policy = { idleMinutes: 120, maxHours: 12 };
/** A request at `at`: the session as it reads it, then the recheck if due. */
async function recheckAt(cookieValue: string, address: string, at: Date) {
  const open = await openSession(cookieValue, policy, at);
  return open ? recheckGroups(cookieValue, open, address, at) : "no session";
}
const plus = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);
const auditRows = async (action: string) =>
  (await database().pool.query<{ actor_name: string; detail: { reason?: string } }>("SELECT actor_name, detail FROM audit_events WHERE action = $1 ORDER BY at", [action])).rows;

describe("groups rechecked at the identity provider", () => {
  it("keeps the provider's refresh token sealed by the session cookie, never in the clear", async () => {
    const { identity, scope, cookieValue } = await session("vic.viewer", new Date());
    expect(scope).toContain("offline_access"); // the provider lists it, so it is asked for
    expect(identity.refreshToken).toMatch(/^[\w-]{20,}$/);
    const { rows } = await database().pool.query<{ refresh_token: string }>("SELECT refresh_token FROM sessions WHERE id_hash = $1", [hashSessionId(cookieValue)]);
    expect(rows[0].refresh_token).not.toContain(identity.refreshToken!);
    expect(openRefreshToken(cookieValue, rows[0].refresh_token)).toBe(identity.refreshToken);
    expect(openRefreshToken(`${cookieValue.slice(0, -1)}x`, rows[0].refresh_token)).toBeNull();
  });

  it("applies a change at the provider at the first request after the period, once for requests at the same time", async () => {
    const t0 = new Date();
    const { user, cookieValue } = await session("gus.groupchange", t0);
    expect(user.groups.sort()).toEqual(["everyone", "org-viewers"]);
    expect((await atProvider("gus.groupchange", { groups: ["inspectorate-admins"] })).status).toBe(200);
    expect(await recheckAt(cookieValue, "198.51.100.7", plus(t0, 59))).toBe("not_due");
    expect((await getUser(user.id))!.groups.sort()).toEqual(["everyone", "org-viewers"]);
    const [first, second] = await Promise.all([recheckAt(cookieValue, "198.51.100.7", plus(t0, 60)), recheckAt(cookieValue, "198.51.100.7", plus(t0, 60))]);
    expect([first, second].sort()).toEqual(["changed", "not_due"]);
    expect((await getUser(user.id))!.groups).toEqual(["inspectorate-admins"]);
    expect(await auditRows("sign_in.groups_changed")).toEqual([{ actor_name: "gus.groupchange@example.com", detail: { reason: "groups everyone, org-viewers → inspectorate-admins" } }]);
    // The next period with no change at the provider: asked, unchanged, nothing on the record.
    expect(await recheckAt(cookieValue, "198.51.100.7", plus(t0, 120))).toBe("unchanged");
    expect(await auditRows("sign_in.groups_changed")).toHaveLength(1);
    // And the token the provider may have rotated still works a period later.
    await atProvider("gus.groupchange", { groups: ["org-viewers"] });
    expect(await recheckAt(cookieValue, "198.51.100.7", plus(t0, 180))).toBe("changed");
    expect((await getUser(user.id))!.groups).toEqual(["org-viewers"]);
    // Counted for /api/metrics, by outcome ("not_due" is no recheck and not counted).
    const counted = Object.fromEntries((await metrics().groupsRechecks.get()).values.map((v) => [v.labels.outcome, v.value]));
    expect(counted).toEqual({ changed: 2, unchanged: 1 });
  });

  it("ends the session when the provider refuses (the user disabled there), and says so on the record", async () => {
    const t0 = new Date();
    const { cookieValue } = await session("dora.disabled", t0);
    await atProvider("dora.disabled", { disabled: true });
    expect(await recheckAt(cookieValue, "198.51.100.8", plus(t0, 61))).toBe("ended");
    expect((await database().pool.query("SELECT 1 FROM sessions WHERE id_hash = $1", [hashSessionId(cookieValue)])).rowCount).toBe(0);
    expect(await auditRows("sign_in.ended_by_provider")).toEqual([
      { actor_name: "dora.disabled@example.com", detail: { reason: expect.stringContaining("the identity provider refused the refresh: invalid_grant") } },
    ]);
    await atProvider("dora.disabled", { disabled: false });
  });

  it("keeps the session and the groups as last read when the provider does not answer, and asks again a period later", async () => {
    const t0 = new Date();
    const { user, cookieValue } = await session("olga.orgviewer", t0);
    await new Promise((r) => server.close(r));
    try {
      expect(await recheckAt(cookieValue, "198.51.100.9", plus(t0, 61))).toBe("unreachable");
      expect(await recheckAt(cookieValue, "198.51.100.9", plus(t0, 62))).toBe("not_due");
    } finally {
      server = createTestIdp(port, `${app}/auth/callback`).listen(port, "127.0.0.1");
      await new Promise((r) => server.once("listening", r));
    }
    expect((await database().pool.query("SELECT 1 FROM sessions WHERE id_hash = $1", [hashSessionId(cookieValue)])).rowCount).toBe(1);
    expect((await getUser(user.id))!.groups.sort()).toEqual(["everyone", "org-viewers"]);
    // Back: the provider kept its grants in memory across the restart? It did not (a new instance), so
    // the old token is refused now, as a provider that lost it would refuse it: the session ends.
    expect(await recheckAt(cookieValue, "198.51.100.9", plus(t0, 122))).toBe("ended");
  });

  it("at sign-out hands the session's refresh token back, opened, for the provider to revoke: a copy used afterwards is refused", async () => {
    const { identity, cookieValue } = await session("ada.admin", new Date());
    const token = await deleteSession(cookieValue);
    expect(token).toBe(identity.refreshToken);
    expect(await refreshIdentity(token!, "ada.admin")).toMatchObject({ identity: { subject: "ada.admin" } }); // still good before
    expect(await revokeRefreshToken(token!)).toBe(true);
    const refused = await refreshIdentity(token!, "ada.admin").then(() => null, (err: unknown) => refusalOf(err));
    expect(refused).toBe("the identity provider refused the refresh: invalid_grant");
    expect(await deleteSession(cookieValue)).toBeNull(); // gone: nothing to hand back twice
  });
});
