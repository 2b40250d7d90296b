import { describe, expect, it } from "vitest";
import { accountMarks, effectiveOverlapMs } from "./account-marks";
import type { PartitionResult } from "./list-partition";

const t = (iso: string) => new Date(`2026-11-20T${iso}Z`);
const part = (accounts: string[], o: Partial<PartitionResult> = {}): PartitionResult => ({
  partition: { key: accounts.join("+"), accounts }, pages: 1, findings: 0, written: 0, changed: 0, rejected: 0, ...o,
});

describe("accountMarks", () => {
  it("takes AWS's Date header less a second, only for accounts whose every partition completed", () => {
    const marks = accountMarks(
      ["a", "b", "c", "d"],
      [
        part(["a", "b"], { awsStart: t("12:00:10") }),
        part(["c"], { awsStart: t("12:00:10"), error: new Error("boom") as never }),
        part(["d"], { awsStart: t("12:00:10"), rejected: 1 }), // a finding the mapper rejected: incomplete
      ],
      new Map(),
      t("13:30:00"), // the app's clock, far off AWS's: never used when AWS said its time
    );
    expect([...marks]).toEqual([["a", t("12:00:09")], ["b", t("12:00:09")]]);
  });

  it("without a Date header falls back to the newest updatedAt, then the previous mark; a split account takes its oldest", () => {
    const prev = new Map([["b", { findingsSince: t("11:00:00"), lastFullListingAt: null }]]);
    const marks = accountMarks(["a", "b"], [
      part(["a"], { newestUpdatedAt: t("11:58:00") }), part(["a"], { awsStart: t("12:00:01") }), part(["b"]),
    ], prev, t("12:00:00"));
    expect([...marks]).toEqual([["a", t("11:58:00")], ["b", t("11:00:00")]]);
  });

  it("sizes the overlap for listing lag", () => {
    expect(effectiveOverlapMs({ overlapMs: 60_000, listingLagMs: 300_000 })).toBe(360_000);
    expect(effectiveOverlapMs({ overlapMs: 900_000, listingLagMs: 300_000 })).toBe(900_000);
  });
});
