import { describe, expect, it } from "vitest";
import { closedInWeekHref, newInWeekHref, openWeekHref, ownerHref } from "./review-links";

const org = { kind: "org" as const, accountIds: ["111111111111"] };

describe("review drill-down links", () => {
  it("puts the week and severity in the explorer URL", () => {
    expect(openWeekHref(org, "2026-11-29", "CRITICAL")).toBe("/findings?severity=CRITICAL&firstSeenTo=2026-11-29");
    expect(newInWeekHref(org, "2026-11-23", "2026-11-29")).toBe("/findings?status=ACTIVE&status=SUPPRESSED&status=CLOSED&status=GONE&firstSeenFrom=2026-11-23&firstSeenTo=2026-11-29");
    expect(closedInWeekHref(org, "2026-11-23", "2026-11-29", "HIGH")).toBe("/findings?severity=HIGH&status=CLOSED&closedFrom=2026-11-23&closedTo=2026-11-29");
  });

  it("narrows to the group: OU, owner and account by name or id", () => {
    expect(openWeekHref({ kind: "ou", value: "Prod", accountIds: [] }, "2026-11-29")).toBe("/findings?ou=Prod&firstSeenTo=2026-11-29");
    expect(openWeekHref({ kind: "owner", value: "payments", accountIds: ["111111111111", "222222222222"] }, "2026-11-29")).toBe(
      "/findings?owner=payments&firstSeenTo=2026-11-29",
    );
    expect(openWeekHref({ kind: "account", value: "111111111111", accountIds: ["111111111111"] }, "2026-11-29")).toBe("/findings?account=111111111111&firstSeenTo=2026-11-29");
  });

  it("links an owner's row by name within the group, however many accounts it has", () => {
    const many = Array.from({ length: 250 }, (_, i) => String(100000000000 + i));
    expect(ownerHref("payments", { ...org, accountIds: many })).toBe("/findings?owner=payments");
    expect(ownerHref("Unowned", { kind: "ou", value: "Sandbox", accountIds: many, inUse: "all" })).toBe("/findings?owner=Unowned&ou=Sandbox&inUse=all");
  });
});
