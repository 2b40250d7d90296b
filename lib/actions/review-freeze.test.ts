import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { computeReview } from "@/lib/queries/review/compute-review";
import { frozenReview, frozenReviewDates } from "@/lib/queries/review/frozen-reviews";
import { closeReviewDatabase, insertAccount, insertDaily, insertFinding, useReviewDatabase } from "@/lib/queries/review/review-fixtures";
import { loadReview } from "@/lib/queries/review/load-review";
import { freezeReview } from "./review-freeze";

const A = "111111111111";

describe("frozen reviews (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: A, name: "payments-prod", team: "payments" });
    await insertFinding(t.pool, { arn: "f1", accountId: A, firstObservedAt: "2026-11-15T00:00:00Z" });
    await insertDaily(t.pool, "2026-11-19", A, "CRITICAL", { open: 1, opened: 1 });
  });
  afterAll(() => closeReviewDatabase(t));

  it("stores the full review once per meeting date and reopens it exactly as frozen", async () => {
    const at = new Date("2026-11-19T15:00:00Z");
    const r = await freezeReview(allScope, "2026-11-19", at);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload.meta).toMatchObject({ meetingDate: "2026-11-19", asOf: at.toISOString(), previous: null });
    expect(r.payload.since.newCriticalHigh.count).toBe(1);
    // Later changes in the cache do not touch the frozen record.
    await insertFinding(t.pool, { arn: "f2", accountId: A, firstObservedAt: "2026-11-19T10:00:00Z" });
    const again = await frozenReview(allScope, "2026-11-19");
    expect(again?.payload).toEqual(r.payload);
    expect(again?.frozenAt).toBe(at.toISOString());
    expect((await freezeReview(allScope, "2026-11-19", at))).toMatchObject({ ok: false, status: 409 });
  });

  it("serves the organization-wide frozen record only to a viewer who sees the whole organization", async () => {
    const narrow = { accountIds: ["222222222222"] };
    expect(await frozenReview(narrow, "2026-11-19")).toBeNull();
    expect(await frozenReview(allScope, "2026-11-19", "owner")).toBeNull();
    expect(await frozenReviewDates(narrow)).toEqual([]);
    expect(await freezeReview(narrow, "2026-11-20", new Date("2026-11-20T12:00:00Z"))).toMatchObject({ ok: false, status: 403 });
    const live = await loadReview(narrow, { date: "2026-11-19", group: "org", weeks: 12 }, new Date("2026-11-19T16:00:00Z"));
    expect(live.frozenAt).toBeNull();
    expect(live.payload.since.newCriticalHigh.count).toBe(0); // A's finding is outside this viewer's scope
  });

  it("starts the next review's 'since' window at the frozen one", async () => {
    const next = await computeReview(allScope, { meetingDate: "2026-11-26", now: new Date("2026-11-26T14:00:00Z") });
    expect(next.meta.previous).toEqual({ meetingDate: "2026-11-19", asOf: "2026-11-19T15:00:00.000Z" });
    expect(next.since.from).toBe("2026-11-19T15:00:00.000Z");
    expect(next.since.newCriticalHigh.count).toBe(0); // f2 was first seen before the last meeting's as-of
    expect(next.trends.weeks).toHaveLength(12);
    expect((await frozenReviewDates(allScope)).map((d) => d.meetingDate)).toEqual(["2026-11-19"]);
  });

  it("refuses bad and future meeting dates with the field and reason", async () => {
    expect(await freezeReview(allScope, "2026-13-01")).toEqual({ ok: false, status: 400, issues: [{ field: "meetingDate", message: "expected a date as YYYY-MM-DD" }] });
    expect(await freezeReview(allScope, "2026-11-30", new Date("2026-11-26T00:00:00Z"))).toMatchObject({ ok: false, status: 400, issues: [{ field: "meetingDate" }] });
  });
});
