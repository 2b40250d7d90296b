import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { closeReviewDatabase, insertAccount, insertCoverage, insertDaily, insertFinding, useReviewDatabase } from "./review-fixtures";
import { reviewTrends } from "./trends";

const A = "111111111111", B = "222222222222";
const asOf = new Date("2026-11-26T14:00:00Z"); // a Thursday

describe("weekly trends (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    const q = t.pool;
    await insertAccount(q, { id: A });
    await insertAccount(q, { id: B });
    await insertDaily(q, "2026-11-10", A, "CRITICAL", { open: 5, opened: 2 });
    await insertDaily(q, "2026-11-15", A, "CRITICAL", { open: 6, opened: 1 });
    await insertDaily(q, "2026-11-15", B, "HIGH", { open: 10, opened: 10 });
    await insertDaily(q, "2026-11-20", A, "CRITICAL", { open: 4, closed: 2 });
    await insertDaily(q, "2026-11-26", A, "CRITICAL", { open: 3, opened: 1, closed: 2 });
    await insertDaily(q, "2026-11-26", B, "HIGH", { open: 8, closed: 2 });
    await insertDaily(q, "2026-11-27", A, "CRITICAL", { open: 99, opened: 99 }); // after the meeting
    await insertFinding(q, { arn: "m1", accountId: A, status: "CLOSED", firstObservedAt: "2026-11-10T00:00:00Z", closedAt: "2026-11-12T00:00:00Z" });
    await insertFinding(q, { arn: "m2", accountId: A, status: "CLOSED", firstObservedAt: "2026-11-10T00:00:00Z", closedAt: "2026-11-14T00:00:00Z" });
    // Closed, reopened and closed again: the sync keeps only the final close.
    await insertFinding(q, { arn: "m3", accountId: B, severity: "HIGH", status: "CLOSED", firstObservedAt: "2026-11-01T23:30:00Z", closedAt: "2026-11-21T23:30:00Z" });
    await insertFinding(q, { arn: "m4", accountId: A, status: "ACTIVE", firstObservedAt: "2026-11-01T00:00:00Z" });
    await insertFinding(q, { arn: "m5", accountId: A, status: "CLOSED", firstObservedAt: "2026-11-20T00:00:00Z", closedAt: "2026-11-27T00:00:00Z" });
    await insertFinding(q, { arn: "m6", accountId: A, severity: "LOW", status: "CLOSED", firstObservedAt: "2026-11-21T23:59:59Z", closedAt: "2026-11-22T23:59:59Z" });
    await insertCoverage(q, "2026-11-15", A, "EC2", 5, 1);
    await insertCoverage(q, "2026-11-15", A, "ECR", 2, 0);
    await insertCoverage(q, "2026-11-26", A, "EC2", 4, 2);
  });
  afterAll(() => closeReviewDatabase(t));

  it("takes each week's open count from its last snapshot day up to the meeting", async () => {
    const tr = await reviewTrends(allScope, asOf, 4);
    expect(tr.weeks.map((w) => w.week)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
    expect(tr.open.map((w) => [w.day, w.total])).toEqual([[null, 0], ["2026-11-15", 16], ["2026-11-20", 4], ["2026-11-26", 11]]);
    expect(tr.open[1].open).toMatchObject({ CRITICAL: 6, HIGH: 10, MEDIUM: 0 });
  });

  it("sums new and closed per week, ignoring days after the meeting", async () => {
    const tr = await reviewTrends(allScope, asOf, 4);
    expect(tr.flow.map((w) => [w.opened, w.closed])).toEqual([[0, 0], [13, 0], [0, 2], [1, 4]]);
  });

  it("averages MTTR by severity in the week of the final close, null with nothing closed", async () => {
    const tr = await reviewTrends(allScope, asOf, 4);
    expect(tr.mttr[0].days.CRITICAL).toBeNull();
    expect(tr.mttr[1].days.CRITICAL).toBeCloseTo(3, 6);
    expect(tr.mttr[1].closed.CRITICAL).toBe(2);
    expect(tr.mttr[2].days.HIGH).toBeCloseTo(20, 6);
    expect(tr.mttr[2].days.LOW).toBeCloseTo(1, 6); // Sunday 23:59:59 UTC still belongs to that week
    expect(tr.mttr[3].days.CRITICAL).toBeNull(); // m5 closed after the meeting
  });

  it("reports coverage from each week's last coverage snapshot", async () => {
    const tr = await reviewTrends(allScope, asOf, 4);
    expect(tr.coverage.map((w) => [w.active, w.inactive])).toEqual([[0, 0], [7, 1], [0, 0], [4, 2]]);
  });

  it("narrows to the scope's accounts", async () => {
    const tr = await reviewTrends({ accountIds: [A] }, asOf, 4);
    expect(tr.open.map((w) => w.total)).toEqual([0, 6, 4, 3]);
    expect(tr.mttr[2].days.HIGH).toBeNull();
  });

  it("returns at least twelve weeks by default", async () => {
    expect((await reviewTrends(allScope, asOf)).weeks).toHaveLength(12);
  });
});
