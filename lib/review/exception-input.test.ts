import { describe, expect, it } from "vitest";
import { exceptionInputSchema, fieldIssues } from "./exception-input";

const now = new Date("2026-11-26T23:30:00Z");
const valid = { target: "vulnerability", vulnerabilityId: "cve-2026-1234", resourceIds: "i-1\ni-2, i-1", reason: "no fixed package yet upstream", owner: "payments", expiresOn: "2026-12-31" };

describe("exception input", () => {
  it("normalises a vulnerability exception on a set of resources", () => {
    const r = exceptionInputSchema(now).parse(valid);
    expect(r).toMatchObject({ vulnerabilityId: "cve-2026-1234", resourceIds: ["i-1", "i-2"], findingArn: undefined });
  });

  it("accepts an expiry on today's UTC date, late in the evening", () => {
    expect(exceptionInputSchema(now).safeParse({ ...valid, expiresOn: "2026-11-26" }).success).toBe(true);
  });

  it("names the field and the reason for bad input", () => {
    const r = exceptionInputSchema(now).safeParse({ ...valid, expiresOn: "2026-11-25", reason: "x", owner: "" });
    expect(r.success).toBe(false);
    const issues = fieldIssues(r.error!);
    expect(issues).toContainEqual({ field: "expiresOn", message: "must be today (2026-11-26) or later" });
    expect(issues).toContainEqual({ field: "reason", message: "say why, in at least 10 characters" });
    expect(issues).toContainEqual({ field: "owner", message: "required" });
  });

  it("requires the target's identifier and drops the other", () => {
    const missing = exceptionInputSchema(now).safeParse({ ...valid, target: "finding" });
    expect(fieldIssues(missing.error!)).toEqual([{ field: "findingArn", message: "required for a finding exception" }]);
    const byArn = exceptionInputSchema(now).parse({ ...valid, target: "finding", findingArn: "arn:aws:inspector2:x" });
    expect(byArn).toMatchObject({ findingArn: "arn:aws:inspector2:x", vulnerabilityId: undefined, resourceIds: [] });
  });

  it("rejects expiries more than a year ahead and non-dates", () => {
    expect(exceptionInputSchema(now).safeParse({ ...valid, expiresOn: "2027-11-27" }).success).toBe(false);
    expect(exceptionInputSchema(now).safeParse({ ...valid, expiresOn: "2026-02-30" }).success).toBe(false);
  });
});
