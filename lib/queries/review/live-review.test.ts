// The live review is shared by every viewer asking the same question, and computed anew as soon as
// anything it reads changes: the cache, a risk exception, a frozen review.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { toDay } from "@/lib/review/day";
import { closeReviewDatabase, insertAccount, insertException, insertFinding, insertRun, useReviewDatabase } from "./review-fixtures";
import { liveReview } from "./live-review";
import { reviewSections } from "./compute-review";

const A = "111111111111";
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe("the live review", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: A, name: "payments-prod", owner: "payments" });
    // A critical first seen 60 days ago is past any SLA policy's critical days.
    await insertFinding(t.pool, { arn: "f1", accountId: A, firstObservedAt: daysAgo(60), vulnerabilityId: "CVE-2026-1" });
    await insertRun(t.pool, daysAgo(0.01));
  });
  afterAll(() => closeReviewDatabase(t));

  const req = { meetingDate: toDay(new Date()), group: { kind: "org" as const }, weeks: 4, inUse: "only" as const };

  it("is computed once for every viewer asking the same question, each section once", async () => {
    const first = await liveReview(allScope, req);
    const again = await liveReview(allScope, req);
    expect(again).toBe(first);
    const sla = await first.section("sla");
    expect(await again.section("sla")).toBe(sla);
    expect(sla.totals).toEqual({ breached: 1, dueSoon: 0, excepted: 0 });
    // Another question (every image, not only those in use), another review.
    expect(await liveReview(allScope, { ...req, inUse: "all" })).not.toBe(first);
    expect(await liveReview({ accountIds: [] }, req)).not.toBe(first);
  });

  it("is computed anew after a risk exception, a finding written, or a review frozen", async () => {
    const before = await liveReview(allScope, req);
    await insertException(t.pool, { findingArn: "f1", createdAt: daysAgo(1), expiresAt: daysAgo(-30) });
    const excepted = await liveReview(allScope, req);
    expect(excepted).not.toBe(before);
    expect((await excepted.section("sla")).totals).toEqual({ breached: 0, dueSoon: 0, excepted: 1 });

    await insertFinding(t.pool, { arn: "f2", accountId: A, firstObservedAt: daysAgo(60), vulnerabilityId: "CVE-2026-2" });
    const written = await liveReview(allScope, req);
    expect(written).not.toBe(excepted);
    expect((await written.section("sla")).totals).toEqual({ breached: 1, dueSoon: 0, excepted: 1 });

    await t.pool.query(`INSERT INTO reviews (meeting_date, payload) VALUES ($1, '{"version":2,"meta":{"asOf":"${daysAgo(7)}"}}')`, [toDay(new Date(Date.now() - 7 * 86_400_000))]);
    const frozen = await liveReview(allScope, req);
    expect(frozen).not.toBe(written);
    expect(await liveReview(allScope, req)).toBe(frozen);
  });

  it("past its TTL, answers the old review while it computes the new one section by section", async () => {
    const ask = { ...req, weeks: 6 };
    const first = await liveReview(allScope, ask);
    const keys = Object.keys(reviewSections) as (keyof typeof reviewSections)[];
    for (const k of keys) await first.section(k);
    let running = 0, most = 0, calls = 0;
    for (const k of keys) {
      const section = reviewSections[k] as (c: unknown) => Promise<unknown>;
      vi.spyOn(reviewSections, k).mockImplementation((async (c: unknown) => {
        calls++;
        most = Math.max(most, ++running);
        try {
          return await section(c);
        } finally {
          running--;
        }
      }) as never);
    }
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 121_000);
    try {
      expect(await liveReview(allScope, ask)).toBe(first);
      await vi.waitFor(async () => expect(await liveReview(allScope, ask)).not.toBe(first), { timeout: 30_000, interval: 50 });
      expect(calls).toBe(keys.length);
      expect(most).toBe(1);
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});
