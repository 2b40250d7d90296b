// Exceptions over the finding model: ids keep their case, aliases count both ways, and any
// resource of a finding can be excepted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { reviewAccounts } from "@/lib/queries/review/review-accounts";
import { closeReviewDatabase, insertAccount, insertFinding, useReviewDatabase } from "@/lib/queries/review/review-fixtures";
import { slaBreaches } from "@/lib/queries/review/sla-breaches";
import { createRiskException } from "./risk-exception-store";

const C = "333333333333";
const now = new Date("2026-11-26T14:00:00Z");
const later = new Date(now.getTime() + 3000);
const policy = { CRITICAL: 15, HIGH: 30, MEDIUM: 90, LOW: 180, INFORMATIONAL: null, UNTRIAGED: null };
const base = { reason: "vendor patch due in January", owner: "payments", expiresOn: "2026-12-31" };
const ana: Actor = { kind: "user", id: "u-ana", name: "ana@example.com", role: "analyst", scope: allScope };

describe("risk exceptions on keys, aliases and every resource (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: C, team: "payments" });
    const first = "2026-10-01T00:00:00Z";
    // CVE-7's finding relates GHSA-aaaa-bbbb-cccc; another image only knows the GHSA id; f5's second resource is i-9.
    await insertFinding(t.pool, { arn: "f3", accountId: C, firstObservedAt: first, vulnerabilityId: "CVE-7", resourceId: "i-3", relatedVulnerabilities: ["GHSA-aaaa-bbbb-cccc"] });
    await insertFinding(t.pool, { arn: "f4", accountId: C, firstObservedAt: first, vulnerabilityId: "GHSA-aaaa-bbbb-cccc", resourceId: "i-4" });
    await insertFinding(t.pool, { arn: "f5", accountId: C, firstObservedAt: first, vulnerabilityId: "CVE-8", resourceId: "i-5", moreResourceIds: ["i-9"] });
  });
  afterAll(() => closeReviewDatabase(t));

  const excepted = async () => (await slaBreaches({ accountIds: [C] }, later, policy, await reviewAccounts({ accountIds: [C] }, {}))).totals.excepted;
  const create = (input: Record<string, unknown>) => createRiskException({ actor: ana, now }, { ...base, target: "vulnerability", ...input }, "none");

  it("stores a GHSA id as the cache spells it, with its CVE as an alias, and covers both findings", async () => {
    const r = await create({ vulnerabilityId: "GHSA-AAAA-BBBB-CCCC" });
    expect(r.ok).toBe(true);
    const [row] = (await t.pool.query(`SELECT vulnerability_id, aliases FROM risk_exceptions`)).rows;
    expect(row).toEqual({ vulnerability_id: "GHSA-aaaa-bbbb-cccc", aliases: ["CVE-7"] });
    expect(await excepted()).toBe(2);
  });

  it("covers the GHSA-only finding from an exception on the CVE", async () => {
    await t.pool.query("DELETE FROM risk_exceptions");
    expect((await create({ vulnerabilityId: "CVE-7" })).ok).toBe(true);
    expect(await excepted()).toBe(2);
  });

  it("excepts a vulnerability on a finding's second resource", async () => {
    await t.pool.query("DELETE FROM risk_exceptions");
    expect((await create({ vulnerabilityId: "CVE-8", resourceIds: "i-9" })).ok).toBe(true);
    expect(await excepted()).toBe(1);
    expect(await create({ vulnerabilityId: "CVE-8", resourceIds: "i-404" })).toMatchObject({ ok: false, issues: [{ field: "resourceIds" }] });
  });
});
