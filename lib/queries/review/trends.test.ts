import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { closeReviewDatabase, insertAccount, insertCoverage, insertCovered, insertDaily, insertEvent, insertFinding, insertRun, useReviewDatabase } from "./review-fixtures";
import { reviewTrends } from "./trends";

const A = "111111111111", B = "222222222222";
const asOf = new Date("2026-11-26T14:00:00Z"); // a Thursday; weeks 11-02, 11-09, 11-16, 11-23

describe("weekly trends (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    const q = t.pool;
    await insertAccount(q, { id: A });
    await insertAccount(q, { id: B });
    // The first sync ran on 11-10; the week before only has its reconstruction.
    for (const at of ["2026-11-10T08:00:00Z", "2026-11-15T08:00:00Z", "2026-11-20T08:00:00Z", "2026-11-26T09:00:00Z", "2026-11-27T09:00:00Z"]) await insertRun(q, at);
    await insertRun(q, "2026-11-03T08:00:00Z", "FAILED");
    await insertDaily(q, "2026-11-04", A, "CRITICAL", { open: 2 });
    await insertDaily(q, "2026-11-10", A, "CRITICAL", { open: 5, opened: 2 });
    await insertDaily(q, "2026-11-15", A, "CRITICAL", { open: 6, opened: 1 });
    await insertDaily(q, "2026-11-15", B, "HIGH", { open: 10, opened: 10 });
    await insertDaily(q, "2026-11-20", A, "CRITICAL", { open: 4, closed: 2 });
    await insertDaily(q, "2026-11-26", A, "CRITICAL", { open: 3, opened: 1, closed: 2 });
    await insertDaily(q, "2026-11-26", B, "HIGH", { open: 8, closed: 2 });
    await insertDaily(q, "2026-11-27", A, "CRITICAL", { open: 99, opened: 99 }); // after the meeting
    await insertFinding(q, { arn: "m1", accountId: A, status: "CLOSED", firstObservedAt: "2026-11-10T00:00:00Z", closedAt: "2026-11-12T00:00:00Z" });
    await insertFinding(q, { arn: "m2", accountId: A, status: "CLOSED", firstObservedAt: "2026-11-10T00:00:00Z", closedAt: "2026-11-14T00:00:00Z" });
    // Closed on 11-17, reopened on 11-18 and closed for good on 11-21: two closures, one reopen.
    await insertFinding(q, { arn: "m3", accountId: B, severity: "HIGH", status: "CLOSED", firstObservedAt: "2026-11-01T23:30:00Z", closedAt: "2026-11-21T23:30:00Z" });
    await insertEvent(q, "m3", "2026-11-17T10:00:00Z", "ACTIVE", "CLOSED");
    await insertEvent(q, "m3", "2026-11-18T10:00:00Z", "CLOSED", "ACTIVE");
    await insertEvent(q, "m3", "2026-11-21T23:30:00Z", "ACTIVE", "CLOSED");
    await insertFinding(q, { arn: "m4", accountId: A, status: "ACTIVE", firstObservedAt: "2026-11-01T00:00:00Z" });
    await insertEvent(q, "m4", "2026-11-24T10:00:00Z", "ACTIVE", "SUPPRESSED");
    await insertFinding(q, { arn: "m5", accountId: A, status: "CLOSED", firstObservedAt: "2026-11-20T00:00:00Z", closedAt: "2026-11-27T00:00:00Z" });
    await insertFinding(q, { arn: "m6", accountId: A, severity: "LOW", status: "CLOSED", firstObservedAt: "2026-11-21T23:59:59Z", closedAt: "2026-11-22T23:59:59Z" });
    // Still there and scanned: m1, m3, m6 were remediated; m2's instance went away (removed).
    for (const r of ["i-m1", "i-m3", "i-m6"]) await insertCovered(q, r === "i-m3" ? B : A, r);
    await insertCovered(q, A, "i-m2", "INACTIVE");
    await insertCoverage(q, "2026-11-15", A, "EC2", 5, 1);
    await insertCoverage(q, "2026-11-15", A, "ECR", 2, 0);
    await insertCoverage(q, "2026-11-26", A, "EC2", 4, 2);
  });
  afterAll(() => closeReviewDatabase(t));

  it("takes each week's open count from its last snapshot day up to the meeting, marking estimates", async () => {
    const tr = await reviewTrends(allScope, asOf, 4);
    expect(tr.weeks.map((w) => w.week)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
    expect(tr.open.map((w) => [w.day, w.total, w.estimated])).toEqual([["2026-11-04", 2, true], ["2026-11-15", 16, false], ["2026-11-20", 4, false], ["2026-11-26", 11, false]]);
    expect(tr.open[1].open).toMatchObject({ CRITICAL: 6, HIGH: 10, MEDIUM: 0 });
    expect(tr.observed).toEqual({ first: "2026-11-10T08:00:00.000Z", latest: "2026-11-26T09:00:00.000Z" });
  });

  it("takes a scope's week from the week's last sync, where a scope whose findings all went has no row, not from the scope's last row", async () => {
    // B's HIGH findings were open on 11-17 and all gone by the run of 11-20 (a snapshot writes no row for a zero).
    await insertDaily(t.pool, "2026-11-17", B, "HIGH", { open: 7 });
    try {
      const week = (await reviewTrends({ accountIds: [B] }, asOf, 4)).open.find((w) => w.week === "2026-11-16");
      expect(week).toMatchObject({ day: "2026-11-20", total: 0 });
    } finally {
      await t.pool.query("DELETE FROM daily_snapshots WHERE day = '2026-11-17'");
    }
  });

  it("counts each day's opened, closed, reopened and suppressed findings from events and timestamps; no data before the first sync", async () => {
    const tr = await reviewTrends(allScope, asOf, 4);
    const flow = tr.flow.map((w) => [w.opened, w.closed, w.remediated, w.removed, w.reopened, w.suppressed]);
    expect(flow).toEqual([
      [null, null, null, null, null, null],
      [2, 2, 1, 1, 0, 0],
      [2, 3, 3, 0, 1, 0],
      [0, 0, 0, 0, 0, 1],
    ]);
  });

  it("averages MTTR over remediated closures by severity in the week of the final close", async () => {
    const tr = await reviewTrends(allScope, asOf, 4);
    expect(tr.mttr[0].days.CRITICAL).toBeNull();
    expect(tr.mttr[1].days.CRITICAL).toBeCloseTo(2, 6); // m1 only: m2's resource was removed
    expect(tr.mttr[1].closed.CRITICAL).toBe(1);
    expect(tr.mttr[2].days.HIGH).toBeCloseTo(20, 6);
    expect(tr.mttr[2].days.LOW).toBeCloseTo(1, 6); // Sunday 23:59:59 UTC still belongs to that week
    expect(tr.mttr[3].days.CRITICAL).toBeNull(); // m5 closed after the meeting
  });

  it("reports coverage from each week's last coverage snapshot; a synced week without rows is 0, an unobserved one no data", async () => {
    const tr = await reviewTrends(allScope, asOf, 4);
    expect(tr.coverage.map((w) => [w.active, w.inactive])).toEqual([[null, null], [7, 1], [0, 0], [4, 2]]);
  });

  it("narrows to the scope's accounts", async () => {
    const tr = await reviewTrends({ accountIds: [A] }, asOf, 4);
    expect(tr.open.map((w) => w.total)).toEqual([2, 6, 4, 3]);
    expect(tr.mttr[2].days.HIGH).toBeNull();
    expect(tr.flow[2].reopened).toBe(0);
  });

  it("is no data everywhere before the first sync, never 0", async () => {
    const tr = await reviewTrends(allScope, new Date("2026-11-09T09:00:00Z"), 2);
    expect(tr.flow.every((w) => w.opened === null && w.closed === null)).toBe(true);
    expect(tr.observed).toEqual({ first: null, latest: null });
    expect(tr.coverage.every((w) => w.active === null)).toBe(true);
    expect((await reviewTrends(allScope, asOf)).weeks).toHaveLength(12);
  });
});
