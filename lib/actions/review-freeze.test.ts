import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { computeReview } from "@/lib/queries/review/compute-review";
import { frozenReview, frozenReviewDates } from "@/lib/queries/review/frozen-reviews";
import { closeReviewDatabase, insertAccount, insertDaily, insertFinding, insertRun, testActor, useReviewDatabase } from "@/lib/queries/review/review-fixtures";
import { loadReview } from "@/lib/queries/review/load-review";
import { contentHash } from "@/lib/review/content-hash";
import { correctReview } from "./review-correct";
import { freezeReview } from "./review-freeze";

const A = "111111111111";
const actor: Actor = testActor;
const narrow: Actor = { ...testActor, scope: { accountIds: ["222222222222"] } };

describe("frozen reviews (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: A, name: "payments-prod", team: "payments" });
    await insertFinding(t.pool, { arn: "f1", accountId: A, firstObservedAt: "2026-11-15T00:00:00Z" });
    await insertDaily(t.pool, "2026-11-19", A, "CRITICAL", { open: 1, opened: 1 });
    await insertRun(t.pool, "2026-11-19T09:00:00Z");
  });
  afterAll(() => closeReviewDatabase(t));

  it("stores the full review once per meeting date with its author and content hash", async () => {
    const at = new Date("2026-11-19T15:00:00Z");
    const r = await freezeReview(actor, "2026-11-19", at, 12);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload.meta).toMatchObject({ meetingDate: "2026-11-19", asOf: at.toISOString(), previous: null });
    expect(r.payload.since.newCriticalHigh.count).toBe(1);
    expect(r.contentHash).toBe(contentHash(r.payload));
    const stored = await frozenReview(allScope, "2026-11-19");
    expect(stored).toMatchObject({ version: 1, author: "local admin", contentHash: r.contentHash, hashVerified: true, frozenAt: at.toISOString() });
    expect(await freezeReview(actor, "2026-11-19", at, 12)).toMatchObject({ ok: false, status: 409 });
  });

  it("reopens a frozen review a week later, after more syncs, exactly as frozen", async () => {
    const frozen = (await frozenReview(allScope, "2026-11-19"))!;
    // A week of changes: new findings, a close, new snapshots and runs.
    await insertFinding(t.pool, { arn: "f2", accountId: A, firstObservedAt: "2026-11-19T10:00:00Z" });
    await insertFinding(t.pool, { arn: "f3", accountId: A, severity: "HIGH", firstObservedAt: "2026-11-22T10:00:00Z" });
    await t.pool.query("UPDATE findings SET status = 'CLOSED', closed_at = '2026-11-21T00:00:00Z' WHERE arn = 'f1'");
    await insertDaily(t.pool, "2026-11-19", A, "HIGH", { open: 7 });
    await insertDaily(t.pool, "2026-11-25", A, "CRITICAL", { open: 3 });
    await insertRun(t.pool, "2026-11-25T09:00:00Z");
    const later = new Date("2026-11-26T15:00:00Z");
    const reopened = await loadReview(allScope, { date: "2026-11-19", group: "org", weeks: 12 }, later);
    expect(reopened.kind).toBe("frozen");
    expect(reopened.payload).toEqual(frozen.payload);
    expect(contentHash(reopened.payload)).toBe(frozen.contentHash);
    // Computed now, the same meeting would read differently: the record is what kept it.
    const recomputed = await computeReview(allScope, { meetingDate: "2026-11-19", now: later });
    expect(recomputed.since.newCriticalHigh.count).not.toBe(frozen.payload.since.newCriticalHigh.count);
  });

  it("refuses to freeze a meeting older than the grace, with a clear message", async () => {
    const r = await freezeReview(actor, "2026-11-12", new Date("2026-11-19T15:00:00Z"), 12);
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (r.ok) return;
    expect(r.issues[0].message).toMatch(/^the review of 2026-11-12 can no longer be frozen: a frozen review records what the meeting saw/);
    expect(await freezeReview(actor, "2026-11-18", new Date("2026-11-19T08:00:00Z"), 12)).toMatchObject({ ok: true, version: 1 });
  });

  it("stores a correction as the next version with its reason, keeping the first", async () => {
    const bad = await correctReview(actor, { meetingDate: "2026-11-19", reason: "typo" }, new Date("2026-11-26T16:00:00Z"));
    expect(bad).toMatchObject({ ok: false, status: 400, issues: [{ field: "reason" }] });
    const r = await correctReview(actor, { meetingDate: "2026-11-19", reason: "the sync missed account A's closures" }, new Date("2026-11-26T16:00:00Z"));
    expect(r).toMatchObject({ ok: true, version: 2 });
    const latest = (await frozenReview(allScope, "2026-11-19"))!;
    expect(latest).toMatchObject({ version: 2, reason: "the sync missed account A's closures", hashVerified: true, frozenAt: "2026-11-19T15:00:00.000Z" });
    expect(latest.payload.meta.asOf).toBe("2026-11-19T15:00:00.000Z");
    expect(latest.versions.map((v) => v.version)).toEqual([1, 2]);
    const first = (await frozenReview(allScope, "2026-11-19", "org", 1))!;
    expect(first.payload.since.newCriticalHigh.count).toBe(1);
    expect(await correctReview(actor, { meetingDate: "2026-11-05", reason: "no such frozen review" })).toMatchObject({ ok: false, status: 404 });
  });

  it("serves the organization-wide frozen record only to a viewer who sees the whole organization", async () => {
    expect(await frozenReview(narrow.scope, "2026-11-19")).toBeNull();
    expect(await frozenReview(allScope, "2026-11-19", "owner")).toBeNull();
    expect(await frozenReviewDates(narrow.scope)).toEqual([]);
    expect(await freezeReview(narrow, "2026-11-20", new Date("2026-11-20T12:00:00Z"))).toMatchObject({ ok: false, status: 403 });
    const live = await loadReview(narrow.scope, { date: "2026-11-19", group: "org", weeks: 12 }, new Date("2026-11-19T16:00:00Z"));
    expect(live.frozenAt).toBeNull();
    expect(live.kind).toBe("live");
    expect(live.payload.since.newCriticalHigh.count).toBe(0); // A's finding is outside this viewer's scope
    const old = await loadReview(narrow.scope, { date: "2026-11-12", group: "org", weeks: 12 }, new Date("2026-11-19T16:00:00Z"));
    expect(old.kind).toBe("reconstruction");
  });

  it("starts the next review's 'since' window at the newest frozen version", async () => {
    const next = await computeReview(allScope, { meetingDate: "2026-11-26", now: new Date("2026-11-26T14:00:00Z") });
    expect(next.meta.previous).toEqual({ meetingDate: "2026-11-19", asOf: "2026-11-19T15:00:00.000Z" });
    expect(next.since.from).toBe("2026-11-19T15:00:00.000Z");
    expect(next.trends.weeks).toHaveLength(12);
    expect((await frozenReviewDates(allScope)).map((d) => d.meetingDate)).toEqual(["2026-11-19", "2026-11-18"]);
  });

  it("refuses bad and future meeting dates with the field and reason", async () => {
    expect(await freezeReview(actor, "2026-13-01")).toEqual({ ok: false, status: 400, issues: [{ field: "meetingDate", message: "expected a date as YYYY-MM-DD, from 1970 to 9999" }] });
    expect(await freezeReview(actor, "2026-11-30", new Date("2026-11-26T00:00:00Z"))).toMatchObject({ ok: false, status: 400, issues: [{ field: "meetingDate", message: expect.stringMatching(/future/) }] });
  });
});
