// The review headline before any sync: "—" and why, never "Open findings 0"; after one, the
// latest observation and how long before the meeting it was made.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { computeReview } from "./compute-review";
import { closeReviewDatabase, insertAccount, insertDaily, insertRun, useReviewDatabase } from "./review-fixtures";

const A = "111111111111";
const monday = new Date("2026-11-23T10:00:00Z");

describe("review headline (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: A });
  });
  afterAll(() => closeReviewDatabase(t));

  it("shows no data on a Monday before the first sync", async () => {
    const p = await computeReview(allScope, { meetingDate: "2026-11-23", now: monday });
    const open = p.headline!.find((h) => h.key === "open")!;
    expect(open).toMatchObject({ value: null, detail: "no sync has observed Inspector yet" });
    expect(p.headline!.find((h) => h.key === "openCritical")?.value).toBeNull();
    expect(p.trends.flow.every((w) => w.opened === null)).toBe(true);
    // Nor "0 new, 0 fixed, 0 reopened": no sync observed the week.
    for (const key of ["newCriticalHigh", "fixed", "reopened"]) {
      expect(p.headline!.find((h) => h.key === key)).toMatchObject({ value: null, detail: "no sync finished between the meetings" });
    }
  });

  it("shows the latest observation and its age once a sync ran", async () => {
    await insertRun(t.pool, "2026-11-23T07:00:00Z");
    await insertDaily(t.pool, "2026-11-23", A, "CRITICAL", { open: 4 });
    const p = await computeReview(allScope, { meetingDate: "2026-11-23", now: monday });
    expect(p.headline!.find((h) => h.key === "open")).toMatchObject({ value: 4, detail: "observed 23 Nov 2026, 07:00 UTC, 3 h before" });
    expect(p.headline!.find((h) => h.key === "reopened")?.value).toBe(0); // observed: none reopened
  });
});
