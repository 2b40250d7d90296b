// The review's "In use only" switch against the overview's (database): running, idle and
// unknown-usage images; the review's open critical equals the overview's under the same choice,
// and "all" counts the idle ones too. Frozen records keep their choice; older ones read as "all".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { getOpenAggregates } from "@/lib/queries/posture/open-aggregates";
import { writeDailySnapshot } from "@/lib/sync/snapshots/daily-snapshot";
import { freezeReview } from "@/lib/actions/review-freeze";
import { insertReviewVersion } from "@/lib/actions/review-store";
import { reviewCsv } from "@/lib/review/export/review-csv";
import { recordedInUse } from "@/lib/review/review-in-use";
import { computeReview } from "./compute-review";
import { frozenReview } from "./frozen-reviews";
import { closeReviewDatabase, insertAccount, insertFinding, insertRun, testActor, useReviewDatabase } from "./review-fixtures";

const A = "111111111111";
const B = "222222222222";
const at = new Date("2026-11-19T15:00:00Z");
const policy = { CRITICAL: 15, HIGH: 30, MEDIUM: null, LOW: null, INFORMATIONAL: null, UNTRIAGED: null };
const head = (p: Awaited<ReturnType<typeof computeReview>>, key: string) => p.headline!.find((h) => h.key === key)!.value;

describe("the review's in-use switch (database)", () => {
  let t: TestDatabase;
  const image = (arn: string, inUse: number | null) =>
    t.pool.query("UPDATE findings SET resource_type = 'AWS_ECR_CONTAINER_IMAGE', in_use_count = $2 WHERE arn = $1", [arn, inUse]);
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: A, owner: "payments" });
    await insertAccount(t.pool, { id: B, owner: "search" });
    const old = "2026-10-01T00:00:00Z"; // breached under a 15-day SLA
    for (const [arn, account] of [["ec2-1", A], ["ec2-2", B], ["run-1", A], ["idle-1", A], ["idle-2", B], ["unknown-1", B]] as const) {
      await insertFinding(t.pool, { arn, accountId: account, firstObservedAt: old, resourceId: `r-${arn}` });
    }
    // New this week on an idle image, and one fixed this week on an idle image.
    await insertFinding(t.pool, { arn: "idle-new", accountId: B, severity: "HIGH", firstObservedAt: "2026-11-17T00:00:00Z", resourceId: "r-idle-2" });
    await insertFinding(t.pool, { arn: "idle-fixed", accountId: A, status: "CLOSED", firstObservedAt: old, closedAt: "2026-11-16T00:00:00Z", resourceId: "r-idle-1" });
    for (const [arn, n] of [["run-1", 3], ["idle-1", 0], ["idle-2", 0], ["unknown-1", null], ["idle-new", 0], ["idle-fixed", 0]] as const) await image(arn, n);
    await writeDailySnapshot(t.pool, new Date("2026-11-19T09:00:00Z"));
    await insertRun(t.pool, "2026-11-19T09:00:00Z");
  });
  afterAll(() => closeReviewDatabase(t));

  it("counts open critical exactly as the overview does under the same choice", async () => {
    const overview = async (mode: "only" | "all") =>
      (await getOpenAggregates(allScope, [], mode)).byType.filter((r) => r.severity === "CRITICAL").reduce((n, r) => n + r.count, 0);
    const only = await computeReview(allScope, { meetingDate: "2026-11-19", now: at, policy });
    const all = await computeReview(allScope, { meetingDate: "2026-11-19", now: at, policy, inUse: "all" });
    expect(await overview("only")).toBe(4); // two EC2, the running image, the unknown one
    expect(head(only, "openCritical")).toBe(await overview("only"));
    expect(head(all, "openCritical")).toBe(await overview("all"));
    expect(head(all, "openCritical")).toBe(6);
    expect([head(only, "open"), head(all, "open")]).toEqual([4, 7]);
    expect([only.meta.inUse, all.meta.inUse]).toEqual(["only", "all"]);
  });

  it("applies the choice to SLA breaches, the account table and since the last review", async () => {
    const only = await computeReview(allScope, { meetingDate: "2026-11-19", now: at, policy });
    const all = await computeReview(allScope, { meetingDate: "2026-11-19", now: at, policy, inUse: "all" });
    expect([only.sla.totals.breached, all.sla.totals.breached]).toEqual([4, 6]);
    const byAccount = (p: typeof only) => Object.fromEntries(p.sla.byAccount.map((r) => [r.accountId, r.breached]));
    expect(byAccount(only)).toEqual({ [A]: 2, [B]: 2 });
    expect(byAccount(all)).toEqual({ [A]: 3, [B]: 3 });
    expect([only.since.newCriticalHigh.count, all.since.newCriticalHigh.count]).toEqual([0, 1]);
    expect([only.since.fixed.count + (only.since.removed?.count ?? 0), all.since.fixed.count + (all.since.removed?.count ?? 0)]).toEqual([0, 1]);
    expect(all.since.newCriticalHigh.href).toContain("inUse=all");
    expect(only.since.newCriticalHigh.href).not.toContain("inUse");
  });

  it("freezes with the chosen mode, reads it back with its hash, and reads older records as every image", async () => {
    const r = await freezeReview(testActor, { meetingDate: "2026-11-19", inUse: "all" }, at, 12);
    expect(r.ok && r.payload.meta.inUse).toBe("all");
    const stored = (await frozenReview(allScope, "2026-11-19"))!;
    expect(stored).toMatchObject({ hashVerified: true });
    expect(recordedInUse(stored.payload.meta)).toEqual({ mode: "all", recorded: true });
    expect(await freezeReview(testActor, { meetingDate: "2026-11-19", inUse: "idle" }, at, 12)).toMatchObject({ ok: false, status: 400 });
    // A record from before the switch: no meta.inUse. Its hash still checks; it counted every image.
    const legacy = await computeReview(allScope, { meetingDate: "2026-11-12", now: new Date("2026-11-12T15:00:00Z"), inUse: "all" });
    delete legacy.meta.inUse;
    await insertReviewVersion(t.pool, { meetingDate: "2026-11-12", version: 1, payload: legacy, author: testActor, reason: null, at: new Date("2026-11-12T15:00:00Z") });
    const old = (await frozenReview(allScope, "2026-11-12"))!;
    expect(old.hashVerified).toBe(true);
    expect(recordedInUse(old.payload.meta)).toEqual({ mode: "all", recorded: false });
    expect(reviewCsv(old.payload, old.frozenAt)).toContain("frozen before the in-use switch existed");
  });
});
