// API tokens end to end through real route handlers: valid, expired, revoked, wrong role, and a
// scope that hides another account's findings (404, as if they did not exist); no secret in logs.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { closeReviewDatabase, insertAccount, insertFinding, useReviewDatabase } from "@/lib/queries/review/review-fixtures";
import { GET as listFindings } from "@/app/api/findings/route";
import { POST as createException } from "@/app/api/review/exceptions/route";
import { POST as createToken } from "@/app/api/admin/tokens/route";
import { POST as revokeToken } from "@/app/api/admin/tokens/[id]/revoke/route";
import { createApiToken } from "./api-tokens";
import { localActor } from "./local-actor";

const A = "111111111111", B = "222222222222";
// Tokens are made by local mode's admin here: a token works only while its maker exists (creator-actor.ts).
const admin = localActor;
const url = (p: string) => `http://127.0.0.1:3000${p}`;
const bearer = (secret: string, init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as object), authorization: `Bearer ${secret}` } });
const json = { "content-type": "application/json" };
const exceptionFor = (findingArn: string) => JSON.stringify({ target: "finding", findingArn, reason: "compensating control in place", owner: "payments", expiresOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) });

describe("API tokens (database)", () => {
  let t: TestDatabase;
  const logged: string[] = [];
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: A, team: "payments" });
    await insertAccount(t.pool, { id: B, team: "search" });
    await insertFinding(t.pool, { arn: "fa", accountId: A, firstObservedAt: "2026-10-01T00:00:00Z" });
    await insertFinding(t.pool, { arn: "fb", accountId: B, firstObservedAt: "2026-10-01T00:00:00Z" });
    for (const level of ["log", "info", "warn", "error"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await closeReviewDatabase(t);
  });

  it("is created once through the API, stored only as a hash, and sees only its scope", async () => {
    const res = await createToken(new Request(url("/api/admin/tokens"), { method: "POST", headers: json, body: JSON.stringify({ name: "ci", role: "analyst", scope: { accounts: [A] }, expiresInDays: 30 }) }));
    expect(res.status).toBe(201);
    const { secret, id } = await res.json();
    expect(secret).toMatch(/^insp_/);
    const stored = (await t.pool.query(`SELECT token_hash FROM api_tokens WHERE id = $1`, [id])).rows[0].token_hash;
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(secret);
    const page = await (await listFindings(new Request(url("/api/findings"), bearer(secret)))).json();
    expect(page.rows.map((f: { arn: string }) => f.arn)).toEqual(["fa"]);
    const foreign = await createException(new Request(url("/api/review/exceptions"), bearer(secret, { method: "POST", headers: json, body: exceptionFor("fb") })));
    expect(foreign.status).toBe(404);
    const own = await createException(new Request(url("/api/review/exceptions"), bearer(secret, { method: "POST", headers: json, body: exceptionFor("fa") })));
    expect(own.status).toBe(201);
    const audit = (await t.pool.query(`SELECT actor_kind, actor_name FROM audit_events WHERE action = 'exception.created'`)).rows;
    expect(audit).toEqual([{ actor_kind: "token", actor_name: 'token "ci"' }]);
    // Revoked: refused at once.
    expect((await revokeToken(new Request(url(`/api/admin/tokens/${id}/revoke`), { method: "POST" }), { params: Promise.resolve({ id }) })).status).toBe(200);
    expect((await listFindings(new Request(url("/api/findings"), bearer(secret)))).status).toBe(401);
  });

  it("refuses expired, unknown and malformed tokens (401) and a role without the permission (403)", async () => {
    const old = await createApiToken(admin, { name: "old", role: "admin", scope: "all", expiresInDays: 1 }, null, new Date(Date.now() - 2 * 86_400_000));
    expect((await listFindings(new Request(url("/api/findings"), bearer(old.secret)))).status).toBe(401);
    expect((await listFindings(new Request(url("/api/findings"), bearer(`insp_${"A".repeat(43)}`)))).status).toBe(401);
    expect((await listFindings(new Request(url("/api/findings"), { headers: { authorization: "Bearer nope" } }))).status).toBe(401);
    const viewer = await createApiToken(admin, { name: "reader", role: "viewer", scope: "all", expiresInDays: 5 }, null);
    expect((await listFindings(new Request(url("/api/findings"), bearer(viewer.secret)))).status).toBe(200);
    const write = await createException(new Request(url("/api/review/exceptions"), bearer(viewer.secret, { method: "POST", headers: json, body: exceptionFor("fa") })));
    expect(write.status).toBe(403);
    expect((await createToken(new Request(url("/api/admin/tokens"), bearer(viewer.secret, { method: "POST", headers: json, body: "{}" })))).status).toBe(403);
  });

  it("writes no token secret, hash or bearer header to the logs", async () => {
    const { secret } = await createApiToken(admin, { name: "log-check", role: "viewer", scope: "all", expiresInDays: 5 }, null);
    await listFindings(new Request(url("/api/findings?severity=BOGUS"), bearer(secret)));
    await listFindings(new Request(url("/api/findings"), bearer(`${secret.slice(0, -1)}x`)));
    const hashes = (await t.pool.query(`SELECT token_hash FROM api_tokens`)).rows.map((r) => r.token_hash as string);
    const text = logged.join("\n");
    expect(text).not.toMatch(/insp_[A-Za-z0-9_-]{20,}/);
    for (const h of hashes) expect(text).not.toContain(h);
    expect(text.toLowerCase()).not.toContain("bearer ");
  });
});
