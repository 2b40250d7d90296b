import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { expiryInstant } from "@/lib/review/exceptions";
import type { SlaPolicy } from "@/lib/review/sla";
import { allScope } from "@/lib/queries/scope";
import { reviewAccounts } from "./review-accounts";
import { closeReviewDatabase, insertAccount, insertException, insertFinding, useReviewDatabase } from "./review-fixtures";
import { slaBreaches } from "./sla-breaches";

const policy: SlaPolicy = { CRITICAL: 15, HIGH: 30, MEDIUM: 90, LOW: 180, INFORMATIONAL: null, UNTRIAGED: null };
const A = "111111111111", B = "222222222222";
const meeting = new Date("2026-11-26T14:00:00Z");

describe("SLA breaches (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    const q = t.pool;
    await insertAccount(q, { id: A, name: "payments-prod", team: "payments", ouName: "Prod" });
    await insertAccount(q, { id: B, name: "search-prod", owner: "bob", ouName: "Prod" });
    await insertFinding(q, { arn: "f1", accountId: A, firstObservedAt: "2026-11-01T23:30:00Z" });
    await insertFinding(q, { arn: "f2", accountId: A, firstObservedAt: "2026-11-10T23:30:00Z" });
    await insertFinding(q, { arn: "f3", accountId: A, severity: "HIGH", firstObservedAt: "2026-10-30T00:00:00Z" });
    await insertFinding(q, { arn: "f4", accountId: B, firstObservedAt: "2026-11-01T00:00:00Z", vulnerabilityId: "CVE-1", resourceId: "i-b" });
    await insertFinding(q, { arn: "f5", accountId: B, firstObservedAt: "2026-11-01T00:00:00Z", vulnerabilityId: "CVE-2", resourceId: "i-b5" });
    await insertFinding(q, { arn: "f6", accountId: B, status: "CLOSED", firstObservedAt: "2026-11-01T00:00:00Z", closedAt: "2026-11-20T00:00:00Z" });
    await insertFinding(q, { arn: "f7", accountId: A, severity: "MEDIUM", firstObservedAt: "2026-11-20T00:00:00Z" });
    await insertFinding(q, { arn: "f8", accountId: A, status: "SUPPRESSED", firstObservedAt: "2026-09-01T00:00:00Z" });
    await insertFinding(q, { arn: "f9", accountId: A, severity: "INFORMATIONAL", firstObservedAt: "2025-01-01T00:00:00Z" });
    await insertFinding(q, { arn: "f10", accountId: B, severity: "HIGH", firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-3", resourceId: "i-x" });
    // Valid through the meeting day: f4 leaves the count but stays listed as excepted.
    await insertException(q, { vulnerabilityId: "CVE-1", createdAt: "2026-11-20T00:00:00Z", expiresAt: expiryInstant("2026-11-26").toISOString() });
    await insertException(q, { vulnerabilityId: "CVE-2", createdAt: "2026-10-01T00:00:00Z", expiresAt: expiryInstant("2026-11-25").toISOString() });
    await insertException(q, { vulnerabilityId: "CVE-3", resourceIds: ["i-y"], createdAt: "2026-10-01T00:00:00Z", expiresAt: expiryInstant("2027-01-01").toISOString() });
  });
  afterAll(() => closeReviewDatabase(t));

  it("counts breaches and findings about to breach by account and owner, excepted ones apart", async () => {
    const accounts = await reviewAccounts(allScope, {});
    const s = await slaBreaches(allScope, meeting, policy, accounts);
    expect(s.totals).toEqual({ breached: 4, dueSoon: 1, excepted: 1 });
    expect(s.byAccount.map((r) => [r.accountId, r.breached, r.dueSoon, r.excepted])).toEqual([[A, 2, 1, 0], [B, 2, 0, 1]]);
    expect(s.byOwner.map((r) => [r.owner, r.breached])).toEqual([["payments", 2], ["bob", 2]]); // ties broken by due soon
    const byArn = Object.fromEntries(s.findings.map((f) => [f.arn, f]));
    expect(Object.keys(byArn).sort()).toEqual(["f1", "f10", "f2", "f3", "f4", "f5"]);
    expect(byArn.f4).toMatchObject({ excepted: true, state: "breached" });
    expect(byArn.f3).toMatchObject({ excepted: false, state: "due-soon", dueAt: "2026-11-29T00:00:00.000Z" });
    expect(byArn.f1.dueAt).toBe("2026-11-16T23:30:00.000Z");
  });

  it("brings the finding back into the count the day after its exception expires", async () => {
    const s = await slaBreaches(allScope, new Date("2026-11-27T00:00:00Z"), policy, await reviewAccounts(allScope, {}));
    expect(s.byAccount.find((r) => r.accountId === B)).toMatchObject({ breached: 3, excepted: 0 });
  });

  it("reconstructs a past meeting: a finding closed later was open then, a later exception did not exist yet", async () => {
    const s = await slaBreaches(allScope, new Date("2026-11-19T23:59:59.999Z"), policy, await reviewAccounts(allScope, {}));
    expect(s.byAccount.map((r) => [r.accountId, r.breached, r.dueSoon, r.excepted])).toEqual([[B, 3, 0, 1], [A, 1, 1, 0]]);
  });

  it("applies the scope and the configured policy", async () => {
    const accounts = await reviewAccounts(allScope, {});
    const onlyA = await slaBreaches({ accountIds: [A] }, meeting, policy, accounts);
    expect(onlyA.totals).toEqual({ breached: 2, dueSoon: 1, excepted: 0 });
    const lenient = await slaBreaches(allScope, meeting, { ...policy, CRITICAL: 60, HIGH: 60 }, accounts);
    expect(lenient.totals.breached).toBe(0);
  });

  it("resolves owners with the config override first", async () => {
    const accounts = await reviewAccounts(allScope, { [B]: "search-team" });
    const s = await slaBreaches(allScope, meeting, policy, accounts);
    expect(s.byOwner.map((r) => r.owner).sort()).toEqual(["payments", "search-team"]);
  });
});
