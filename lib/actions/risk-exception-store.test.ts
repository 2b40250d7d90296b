import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { reviewAccounts } from "@/lib/queries/review/review-accounts";
import { closeReviewDatabase, insertAccount, insertFinding, useReviewDatabase } from "@/lib/queries/review/review-fixtures";
import { slaBreaches } from "@/lib/queries/review/sla-breaches";
import { approveRiskException, createRiskException, revokeRiskException } from "./risk-exception-store";

const A = "111111111111", B = "222222222222";
const now = new Date("2026-11-26T14:00:00Z");
const policy = { CRITICAL: 15, HIGH: 30, MEDIUM: 90, LOW: 180, INFORMATIONAL: null, UNTRIAGED: null };
const base = { reason: "vendor patch due in January", owner: "payments", expiresOn: "2026-12-31" };
const ana: Actor = { kind: "user", id: "u-ana", name: "ana@example.com", role: "analyst", scope: allScope };
const bob: Actor = { kind: "user", id: "u-bob", name: "bob@example.com", role: "analyst", scope: allScope };
const scoped: Actor = { kind: "token", id: "t-1", name: 'token "ci"', role: "analyst", scope: { accountIds: [A] } };
const at = (ms: number) => ({ now: new Date(now.getTime() + ms) });

describe("risk exception writes (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: A, team: "payments" });
    await insertAccount(t.pool, { id: B, team: "search" });
    await insertFinding(t.pool, { arn: "f1", accountId: A, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-1", resourceId: "i-1" });
    await insertFinding(t.pool, { arn: "f2", accountId: A, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-1", resourceId: "i-2" });
    await insertFinding(t.pool, { arn: "fb", accountId: B, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-2", resourceId: "i-b" });
  });
  afterAll(() => closeReviewDatabase(t));

  const breached = async (when = now) => (await slaBreaches({ accountIds: [A] }, when, policy, await reviewAccounts({ accountIds: [A] }, {}))).totals;
  const audit = async (target: string) => (await t.pool.query(`SELECT action, actor_name FROM audit_events WHERE target = $1 ORDER BY id`, [target])).rows;

  it("records author, revoker and an audit row per change; revoking puts the finding back", async () => {
    expect(await breached()).toEqual({ breached: 2, dueSoon: 0, excepted: 0 });
    const r = await createRiskException({ actor: ana, now, address: "10.0.0.9" }, { ...base, target: "finding", findingArn: "f1" }, "none");
    expect(r).toMatchObject({ ok: true, approved: true });
    if (!r.ok) return;
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/); // a random public id, not a counter
    expect(await breached()).toEqual({ breached: 1, dueSoon: 0, excepted: 1 });
    expect(await revokeRiskException({ actor: bob, ...at(1000) }, r.id)).toMatchObject({ ok: true });
    const row = (await t.pool.query(`SELECT created_by, created_by_id, revoked_by FROM risk_exceptions WHERE public_id = $1`, [r.id])).rows[0];
    expect(row).toEqual({ created_by: "ana@example.com", created_by_id: "u-ana", revoked_by: "bob@example.com" });
    expect(await audit(r.id)).toEqual([{ action: "exception.created", actor_name: "ana@example.com" }, { action: "exception.revoked", actor_name: "bob@example.com" }]);
    expect(await breached(new Date(now.getTime() + 2000))).toEqual({ breached: 2, dueSoon: 0, excepted: 0 });
    expect(await revokeRiskException({ actor: bob }, r.id)).toMatchObject({ ok: false, status: 409 });
  });

  it("answers out-of-scope targets exactly like unknown ones (404), and never covers resources outside the scope", async () => {
    const unknown = await createRiskException({ actor: scoped, now }, { ...base, target: "finding", findingArn: "nope" });
    const foreign = await createRiskException({ actor: scoped, now }, { ...base, target: "finding", findingArn: "fb" });
    expect(foreign).toEqual(unknown);
    expect(foreign).toMatchObject({ ok: false, status: 404, issues: [{ field: "findingArn" }] });
    expect(await createRiskException({ actor: scoped, now }, { ...base, target: "vulnerability", vulnerabilityId: "CVE-2" })).toMatchObject({ ok: false, status: 404 });
    const cve = await createRiskException({ actor: scoped, now }, { ...base, target: "vulnerability", vulnerabilityId: "cve-1" });
    expect(cve.ok).toBe(true);
    const row = (await t.pool.query(`SELECT resource_ids FROM risk_exceptions WHERE public_id = $1`, [cve.ok && cve.id])).rows[0];
    expect(row.resource_ids).toEqual(["i-1", "i-2"]);
    // An exception covering another account's finding is invisible to the scoped actor.
    const other = await createRiskException({ actor: ana, now }, { ...base, target: "finding", findingArn: "fb" });
    expect(await revokeRiskException({ actor: scoped }, other.ok ? other.id : "")).toEqual({ ok: false, status: 404, issues: [{ field: "id", message: "no such exception" }] });
    expect(await revokeRiskException({ actor: scoped }, "00000000-0000-0000-0000-000000000000")).toMatchObject({ ok: false, status: 404 });
    expect(await revokeRiskException({ actor: scoped }, "1")).toMatchObject({ ok: false, status: 404 });
  });

  it("four-eyes: a pending exception does not count until someone other than its creator approves it", async () => {
    await t.pool.query(`UPDATE risk_exceptions SET revoked_at = $1 WHERE revoked_at IS NULL`, [new Date(now.getTime() + 2000)]);
    const before = await breached(new Date(now.getTime() + 5000));
    const r = await createRiskException({ actor: ana, ...at(3000) }, { ...base, target: "finding", findingArn: "f2" }, "four-eyes");
    expect(r).toMatchObject({ ok: true, approved: false });
    if (!r.ok) return;
    expect(await breached(new Date(now.getTime() + 5000))).toEqual(before);
    expect(await approveRiskException({ actor: ana }, r.id)).toMatchObject({ ok: false, status: 403 });
    expect(await approveRiskException({ actor: bob, ...at(4000) }, r.id)).toMatchObject({ ok: true });
    expect((await breached(new Date(now.getTime() + 5000))).excepted).toBe(before.excepted + 1);
    expect(await approveRiskException({ actor: bob }, r.id)).toMatchObject({ ok: false, status: 409 });
    expect((await audit(r.id)).map((a) => a.action)).toEqual(["exception.created", "exception.approved"]);
  });

  it("rolls the change back when its audit row cannot be written", async () => {
    const count = async () => Number((await t.pool.query(`SELECT count(*) FROM risk_exceptions`)).rows[0].count);
    const n = await count();
    await t.pool.query(`ALTER TABLE audit_events ADD CONSTRAINT no_more CHECK (action <> 'exception.created') NOT VALID`);
    try {
      await expect(createRiskException({ actor: ana, now }, { ...base, target: "finding", findingArn: "f1" })).rejects.toThrow(/no_more/);
      expect(await count()).toBe(n);
    } finally {
      await t.pool.query(`ALTER TABLE audit_events DROP CONSTRAINT no_more`);
    }
  });

  it("the audit table refuses UPDATE and DELETE", async () => {
    await expect(t.pool.query(`UPDATE audit_events SET actor_name = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it("rejects bad input with the field and reason", async () => {
    expect(await createRiskException({ actor: ana, now }, { ...base, target: "vulnerability", vulnerabilityId: "CVE-1", resourceIds: ["i-1", "i-zz"] })).toMatchObject({
      ok: false, issues: [{ field: "resourceIds", message: "not hit by CVE-1 in your accounts: i-zz" }],
    });
    expect(await createRiskException({ actor: ana, now }, { ...base, target: "finding", findingArn: "f1", expiresOn: "2026-11-25" })).toMatchObject({ ok: false, status: 400, issues: [{ field: "expiresOn" }] });
  });
});
