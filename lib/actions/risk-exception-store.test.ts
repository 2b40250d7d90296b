import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { reviewAccounts } from "@/lib/queries/review/review-accounts";
import { closeReviewDatabase, insertAccount, insertFinding, useReviewDatabase } from "@/lib/queries/review/review-fixtures";
import { slaBreaches } from "@/lib/queries/review/sla-breaches";
import { createRiskException, revokeRiskException } from "./risk-exception-store";

const A = "111111111111";
const now = new Date("2026-11-26T14:00:00Z");
const policy = { CRITICAL: 15, HIGH: 30, MEDIUM: 90, LOW: 180, INFORMATIONAL: null, UNTRIAGED: null };
const base = { reason: "vendor patch due in January", owner: "payments", expiresOn: "2026-12-31" };

describe("risk exception writes (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: A, team: "payments" });
    await insertFinding(t.pool, { arn: "f1", accountId: A, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-1", resourceId: "i-1" });
    await insertFinding(t.pool, { arn: "f2", accountId: A, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-1", resourceId: "i-2" });
    // CVE-7's finding relates GHSA-aaaa-bbbb-cccc; another image only knows the GHSA id; f5's second resource is i-9.
    await insertFinding(t.pool, { arn: "f3", accountId: A, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-7", resourceId: "i-3", relatedVulnerabilities: ["GHSA-aaaa-bbbb-cccc"] });
    await insertFinding(t.pool, { arn: "f4", accountId: A, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "GHSA-aaaa-bbbb-cccc", resourceId: "i-4" });
    await insertFinding(t.pool, { arn: "f5", accountId: A, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-8", resourceId: "i-5", moreResourceIds: ["i-9"] });
  });
  afterAll(() => closeReviewDatabase(t));

  const excepted = async (at: Date) =>
    (await t.pool.query(`SELECT count(*)::int AS n FROM findings f WHERE EXISTS (SELECT 1 FROM risk_exceptions e WHERE e.revoked_at IS NULL AND e.created_at <= $1 AND
      ${"(CASE WHEN e.finding_arn IS NOT NULL THEN e.finding_arn = f.arn ELSE (f.finding_key = e.vulnerability_id OR f.finding_key = ANY(e.aliases) OR f.related_vulnerabilities && (ARRAY[e.vulnerability_id] || e.aliases)) END)"})`, [at])).rows[0].n;
  const breached = async (at = now) => (await slaBreaches(allScope, at, policy, await reviewAccounts(allScope, {}))).totals;

  it("moves a finding out of the SLA count and back when revoked", async () => {
    expect(await breached()).toEqual({ breached: 5, dueSoon: 0, excepted: 0 });
    const r = await createRiskException({ ...base, target: "finding", findingArn: "f1" }, now, "tester");
    expect(r.ok).toBe(true);
    expect(await breached()).toEqual({ breached: 4, dueSoon: 0, excepted: 1 });
    const row = await t.pool.query(`SELECT expires_at, created_by FROM risk_exceptions WHERE id = $1`, [r.ok && r.id]);
    expect(row.rows[0].expires_at.toISOString()).toBe("2026-12-31T23:59:59.999Z");
    expect(row.rows[0].created_by).toBe("tester");
    // The exception ends with 2026-12-31; on 2027-01-01 the finding counts again.
    expect((await breached(new Date("2027-01-01T00:00:00Z"))).excepted).toBe(0);
    const revoked = await revokeRiskException(r.ok ? r.id : 0, new Date(now.getTime() + 1000));
    expect(revoked.ok).toBe(true);
    expect(await breached(new Date(now.getTime() + 2000))).toEqual({ breached: 5, dueSoon: 0, excepted: 0 });
    expect(await revokeRiskException(r.ok ? r.id : 0)).toMatchObject({ ok: false, status: 409 });
  });

  it("excepts a CVE on the listed resources only", async () => {
    const r = await createRiskException({ ...base, target: "vulnerability", vulnerabilityId: "cve-1", resourceIds: "i-2" }, now);
    expect(r.ok).toBe(true);
    expect((await breached(new Date(now.getTime() + 3000))).excepted).toBe(1);
  });

  it("keeps a GHSA id's case and covers a vulnerability's aliases both ways", async () => {
    await t.pool.query("DELETE FROM risk_exceptions");
    const r = await createRiskException({ ...base, target: "vulnerability", vulnerabilityId: "GHSA-AAAA-BBBB-CCCC" }, now);
    expect(r.ok).toBe(true);
    const row = (await t.pool.query(`SELECT vulnerability_id, aliases FROM risk_exceptions WHERE id = $1`, [r.ok && r.id])).rows[0];
    expect(row).toEqual({ vulnerability_id: "GHSA-aaaa-bbbb-cccc", aliases: ["CVE-7"] });
    expect((await breached(new Date(now.getTime() + 3000))).excepted).toBe(2);
    await t.pool.query("DELETE FROM risk_exceptions");
    const cve = await createRiskException({ ...base, target: "vulnerability", vulnerabilityId: "CVE-7" }, now);
    expect(cve.ok).toBe(true);
    expect((await breached(new Date(now.getTime() + 3000))).excepted).toBe(2);
    expect(await excepted(new Date(now.getTime() + 3000))).toBe(2);
  });

  it("excepts a vulnerability on a finding's second resource", async () => {
    await t.pool.query("DELETE FROM risk_exceptions");
    const r = await createRiskException({ ...base, target: "vulnerability", vulnerabilityId: "CVE-8", resourceIds: "i-9" }, now);
    expect(r.ok).toBe(true);
    expect((await breached(new Date(now.getTime() + 3000))).excepted).toBe(1);
  });

  it("rejects targets the cache has never seen, naming the field", async () => {
    expect(await createRiskException({ ...base, target: "finding", findingArn: "nope" }, now)).toEqual({
      ok: false, status: 400, issues: [{ field: "findingArn", message: "no finding with this ARN in the cache" }],
    });
    expect(await createRiskException({ ...base, target: "vulnerability", vulnerabilityId: "CVE-9" }, now)).toMatchObject({ ok: false, issues: [{ field: "vulnerabilityId" }] });
    expect(await createRiskException({ ...base, target: "vulnerability", vulnerabilityId: "CVE-1", resourceIds: ["i-1", "i-zz"] }, now)).toMatchObject({
      ok: false, issues: [{ field: "resourceIds", message: "not hit by CVE-1: i-zz" }],
    });
    expect(await createRiskException({ ...base, target: "finding", findingArn: "f1", expiresOn: "2026-11-25" }, now)).toMatchObject({ ok: false, status: 400, issues: [{ field: "expiresOn" }] });
    expect(await revokeRiskException("abc")).toMatchObject({ ok: false, status: 400 });
    expect(await revokeRiskException(999)).toMatchObject({ ok: false, status: 404 });
  });
});
