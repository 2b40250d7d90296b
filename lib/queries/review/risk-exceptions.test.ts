import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { expiryInstant } from "@/lib/review/exceptions";
import { allScope } from "@/lib/queries/scope";
import { closeReviewDatabase, insertAccount, insertException, insertFinding, useReviewDatabase } from "./review-fixtures";
import { riskExceptions } from "./risk-exceptions";

const A = "111111111111", B = "222222222222";
const meeting = new Date("2026-11-26T14:00:00Z");
const ids: Record<string, string> = {};

describe("risk exceptions in the review (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    const q = t.pool;
    await insertAccount(q, { id: A });
    await insertAccount(q, { id: B });
    await insertFinding(q, { arn: "f1", accountId: A, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-1", resourceId: "i-1" });
    await insertFinding(q, { arn: "f2", accountId: B, firstObservedAt: "2026-10-01T00:00:00Z", vulnerabilityId: "CVE-1", resourceId: "i-2" });
    await insertFinding(q, { arn: "f3", accountId: B, status: "CLOSED", firstObservedAt: "2026-10-01T00:00:00Z", closedAt: "2026-11-01T00:00:00Z", vulnerabilityId: "CVE-1", resourceId: "i-3" });
    const created = "2026-10-01T00:00:00Z";
    ids.onMeetingDay = await insertException(q, { vulnerabilityId: "CVE-1", createdAt: created, expiresAt: expiryInstant("2026-11-26").toISOString() });
    ids.nextWeek = await insertException(q, { findingArn: "f2", createdAt: created, expiresAt: expiryInstant("2026-12-02").toISOString() });
    ids.later = await insertException(q, { vulnerabilityId: "CVE-1", resourceIds: ["i-1"], createdAt: created, expiresAt: expiryInstant("2027-03-01").toISOString() });
    ids.yesterday = await insertException(q, { vulnerabilityId: "CVE-1", resourceIds: ["i-2"], createdAt: created, expiresAt: expiryInstant("2026-11-25").toISOString() });
    ids.longAgo = await insertException(q, { vulnerabilityId: "CVE-1", createdAt: created, expiresAt: expiryInstant("2026-10-15").toISOString() });
    ids.revoked = await insertException(q, { vulnerabilityId: "CVE-1", createdAt: created, expiresAt: expiryInstant("2027-01-01").toISOString(), revokedAt: "2026-11-20T00:00:00Z" });
  });
  afterAll(() => closeReviewDatabase(t));

  it("lists expiring (meeting day included), recently expired and active exceptions", async () => {
    const s = await riskExceptions(allScope, meeting);
    expect(s.expiring.map((e) => e.id)).toEqual([ids.onMeetingDay, ids.nextWeek]);
    expect(s.expired.map((e) => e.id)).toEqual([ids.yesterday]);
    expect(s.active.map((e) => e.id)).toEqual([ids.later]);
    expect(s.expiring[0]).toMatchObject({ expiryDay: "2026-11-26", status: "expiring", findings: 2 });
  });

  it("counts the open findings each covers, within the scope", async () => {
    const s = await riskExceptions({ accountIds: [A] }, meeting);
    expect(s.expiring.map((e) => [e.id, e.findings])).toEqual([[ids.onMeetingDay, 1]]);
    expect(s.expired).toEqual([]); // covers only i-2, in account B
  });

  it("shows a past meeting the exceptions as they stood then", async () => {
    const s = await riskExceptions(allScope, new Date("2026-11-19T23:59:59.999Z"));
    expect(s.active.map((e) => e.id)).toContain(ids.revoked);
    expect(s.expiring.map((e) => e.id)).toEqual([ids.yesterday]); // 2026-11-25 was within the week then
  });

  it("links each exception to what it covers in the explorer", async () => {
    const s = await riskExceptions(allScope, meeting);
    expect(s.expiring[1].href).toContain("resource=i-2");
    expect(s.active[0].href).toContain("cve=CVE-1");
  });
});
