import { describe, expect, it } from "vitest";
import { parseReviewParams, reviewHref } from "./review-params";

const now = new Date("2026-11-26T23:30:00Z");

describe("review URL params", () => {
  it("defaults to today's whole-organization review over twelve weeks", () => {
    expect(parseReviewParams(new URLSearchParams(), now)).toEqual({ ok: true, params: { date: "2026-11-26", group: "org", weeks: 12, inUse: "only" } });
  });

  it("keeps the optional CIS section in the URL, and names a bad value", () => {
    const r = parseReviewParams({ cis: "1" }, now);
    expect(r.ok && r.params.cis).toBe("1");
    expect(r.ok && reviewHref(r.params)).toBe("/review?date=2026-11-26&cis=1");
    const bad = parseReviewParams({ cis: "yes" }, now);
    expect(!bad.ok && bad.issues).toEqual([{ field: "cis", message: "expected 1" }]);
  });

  it("reports each bad field with its reason", () => {
    const r = parseReviewParams({ date: "2026-11-27", group: "team", weeks: "3" }, now);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      { field: "date", message: "must not be after today (2026-11-26 UTC)" },
      { field: "group", message: "expected org, ou, owner or account" },
      { field: "weeks", message: "at least 12 weeks" },
    ]);
  });

  it("needs a value for a group other than the organization", () => {
    const r = parseReviewParams({ group: "account", value: "12" }, now);
    expect(!r.ok && r.issues).toEqual([{ field: "value", message: expect.stringMatching(/^expected a 12-digit account id, got "/) }]);
    expect(!parseReviewParams({ group: "ou" }, now).ok).toBe(true);
  });

  it("round-trips through the review link", () => {
    const href = reviewHref({ date: "2026-11-19", group: "ou", value: "Prod & Co", weeks: 16 });
    expect(href).toBe("/review?date=2026-11-19&group=ou&value=Prod+%26+Co&weeks=16");
    const back = parseReviewParams(new URL(href, "http://x").searchParams, now);
    expect(back).toEqual({ ok: true, params: { date: "2026-11-19", group: "ou", value: "Prod & Co", weeks: 16, inUse: "only" } });
  });

  it("keeps the in-use switch in the URL only when it is not the default, and names a bad value", () => {
    const all = parseReviewParams({ inUse: "all", group: "account", value: "111111111111" }, now);
    expect(all.ok && all.params.inUse).toBe("all");
    expect(all.ok && reviewHref(all.params)).toBe("/review?date=2026-11-26&group=account&value=111111111111&inUse=all");
    expect(reviewHref({ date: "2026-11-26", inUse: "only" })).toBe("/review?date=2026-11-26");
    const bad = parseReviewParams({ inUse: "idle" }, now);
    expect(!bad.ok && bad.issues).toEqual([{ field: "inUse", message: "expected only or all" }]);
  });
});
