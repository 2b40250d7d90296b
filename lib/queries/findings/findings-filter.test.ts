import { describe, expect, it } from "vitest";
import { encodeCursor } from "./findings-cursor";
import { parseFindingsFilter } from "./findings-filter";
import { findingsHref, withFilter } from "./findings-href";
import { alertRefLabel } from "./alert-ref";

describe("findings filter", () => {
  it("defaults to open findings by score, 50 a page", () => {
    const { filter, issues } = parseFindingsFilter(new URLSearchParams(""));
    expect(issues).toEqual([]);
    expect(filter).toMatchObject({ status: ["ACTIVE"], sort: "score", limit: 50, account: [], severity: [] });
  });

  it("reads repeatable and single fields from URLSearchParams and from Next's searchParams record", () => {
    const qs = "account=111111111111&account=222222222222&severity=CRITICAL&severity=HIGH&epssMin=0.5&tag=aws:cloudformation:stack:web&ageMax=30&cve=cve-2024-1";
    const a = parseFindingsFilter(new URLSearchParams(qs));
    const b = parseFindingsFilter({ account: ["111111111111", "222222222222"], severity: ["CRITICAL", "HIGH"], epssMin: "0.5", tag: "aws:cloudformation:stack:web", ageMax: "30", cve: "cve-2024-1" });
    expect(a).toEqual(b);
    expect(a.filter).toMatchObject({ account: ["111111111111", "222222222222"], severity: ["CRITICAL", "HIGH"], epssMin: 0.5, ageMax: 30, cve: "cve-2024-1" });
    expect(a.filter.tag).toEqual([{ key: "aws:cloudformation:stack", value: "web" }]);
  });

  it("filters on Gone and on how a finding was closed, and names bad values", () => {
    const { filter, issues } = parseFindingsFilter(new URLSearchParams("status=GONE&status=CLOSED&closure=removed"));
    expect(issues).toEqual([]);
    expect(filter).toMatchObject({ status: ["GONE", "CLOSED"], closure: "removed" });
    expect(findingsHref(filter)).toBe("/findings?status=GONE&status=CLOSED&closure=removed");
    const bad = parseFindingsFilter(new URLSearchParams("status=DELETED&closure=fixed"));
    expect(bad.issues.map((i) => i.field)).toEqual(["status", "closure"]);
    expect(bad.filter.status).toEqual(["ACTIVE"]);
    expect(bad.issues[1].message).toBe('expected one of remediated or removed, got "fixed"');
  });

  it("quotes the failing value of a list once, whichever schema refused it", () => {
    const long = `x${"y".repeat(300)}`;
    const { issues } = parseFindingsFilter(new URLSearchParams(`region=us-east-1&region=mars-1&tag=env:prod&tag=:oops&owner=a&owner=${long}&provider=AWS&provider=aws&resourceType=AWS_EC2_INSTANCE&resourceType=VM`));
    expect(Object.fromEntries(issues.map((i) => [i.field, i.message]))).toEqual({
      region: 'expected an AWS region such as us-east-1, got "mars-1"',
      tag: 'expected key:value, got ":oops"',
      owner: `expected at most 256 characters, got "x${"y".repeat(39)}…"`,
      provider: 'expected a provider such as AWS or AZURE, got "aws"',
      resourceType: expect.stringMatching(/^expected one of AWS_EC2_INSTANCE, .* or CODE_REPOSITORY, got "VM"$/),
    });
  });

  it("names each invalid field and keeps the valid ones", () => {
    const { filter, issues } = parseFindingsFilter(new URLSearchParams("account=123&severity=CRITICAL&severity=SEVERE&epssMin=2&firstSeenFrom=2024-02-30&limit=5000&region=us-east-1&ami=ami-XYZ"));
    expect(issues.map((i) => i.field).sort()).toEqual(["account", "ami", "epssMin", "firstSeenFrom", "limit", "severity"]);
    expect(issues.find((i) => i.field === "ami")?.message).toBe('expected an AMI id such as ami-0abc1234, got "ami-XYZ"');
    expect(issues.find((i) => i.field === "account")?.message).toBe('expected a 12-digit account id, got "123"');
    expect(issues.find((i) => i.field === "severity")?.message).toBe('expected one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNTRIAGED, got "SEVERE"');
    expect(issues.find((i) => i.field === "limit")?.message).toBe("must be at most 200");
    expect(issues.find((i) => i.field === "epssMin")?.message).toBe("must be at most 1");
    expect(filter.region).toEqual(["us-east-1"]);
    expect(filter.limit).toBe(50);
    expect(filter.severity).toEqual([]);
  });

  it("takes the review's instants as date bounds, and refuses a window with no time in it", () => {
    const from = "2026-11-19T14:00:00.000Z", to = "2026-11-26T14:00:00.000Z";
    const ok = parseFindingsFilter(new URLSearchParams({ firstSeenFrom: from, firstSeenTo: to, reopenedFrom: from, reopenedTo: to, becameExploitableFrom: from }));
    expect(ok.issues).toEqual([]);
    expect(ok.filter).toMatchObject({ firstSeenFrom: from, firstSeenTo: to, reopenedTo: to, becameExploitableFrom: from });
    expect(findingsHref(ok.filter)).toContain("reopenedTo=2026-11-26T14%3A00%3A00.000Z");
    const bad = parseFindingsFilter(new URLSearchParams({ closedFrom: to, closedTo: from, becameExploitableFrom: "2026-11-27", becameExploitableTo: to, reopenedTo: "last week" }));
    expect(bad.issues).toEqual([
      { field: "reopenedTo", message: expect.stringMatching(/YYYY-MM-DD or an instant/) },
      { field: "closedTo", message: `leaves no time after closedFrom (${to})` },
      { field: "becameExploitableTo", message: "leaves no time after becameExploitableFrom (2026-11-27)" },
    ]);
    expect(bad.filter.closedTo).toBeUndefined();
  });

  it("rejects inverted ranges on the upper bound and cursors from another sort", () => {
    const cursor = encodeCursor({ sort: "age", segment: 0, value: "2024-01-01T00:00:00.000Z", id: "17", page: 2 });
    const { filter, issues } = parseFindingsFilter(new URLSearchParams(`scoreMin=8&scoreMax=3&cursor=${cursor}&sort=score`));
    expect(issues).toEqual([
      { field: "scoreMax", message: expect.stringMatching(/scoreMin/) },
      { field: "cursor", message: expect.stringMatching(/sort=age/) },
    ]);
    expect(filter.scoreMin).toBe(8);
    expect(filter.scoreMax).toBeUndefined();
    expect(parseFindingsFilter(new URLSearchParams("cursor=garbage")).issues[0].field).toBe("cursor");
    // A cursor from before the id tie-breaker (an ARN in its place) is refused like any foreign one.
    const old = btoa(JSON.stringify(["score", 0, 9, "arn:aws:inspector2:us-east-1:111111111111:finding/ab", 2]));
    expect(parseFindingsFilter(new URLSearchParams(`cursor=${old}`)).issues[0].field).toBe("cursor");
  });

  it("round-trips through findingsHref, leaving defaults out", () => {
    const { filter } = parseFindingsFilter(new URLSearchParams("severity=CRITICAL&account=111111111111&tag=env:prod&sort=age&status=ACTIVE"));
    const href = findingsHref(filter);
    expect(href).toBe("/findings?account=111111111111&severity=CRITICAL&tag=env%3Aprod&sort=age");
    expect(parseFindingsFilter(new URLSearchParams(href.split("?")[1])).filter).toEqual(filter);
    expect(findingsHref({})).toBe("/findings");
    expect(findingsHref({ status: ["ACTIVE", "CLOSED"], cve: "CVE-1" })).toBe("/findings?status=ACTIVE&status=CLOSED&cve=CVE-1");
  });

  it("reads an alert's findings as alert=<rule id>:<run id>, names what is wrong with a malformed one, and keeps the rest", () => {
    const ok = parseFindingsFilter(new URLSearchParams("alert=3:42&severity=HIGH"));
    expect(ok.issues).toEqual([]);
    expect(ok.filter.alert).toEqual({ ruleId: 3, runId: 42 });
    const href = findingsHref(ok.filter);
    expect(href).toBe("/findings?severity=HIGH&alert=3%3A42");
    expect(parseFindingsFilter(new URLSearchParams(href.split("?")[1])).filter).toEqual(ok.filter);
    // The chip: "Alerted by: “Critical in prod” (run 42)" when the page found the name for this value, else the id.
    expect(alertRefLabel("3:42")).toBe("rule #3 (run 42)");
    expect(alertRefLabel("3:42", { ref: "3:42", name: "Critical in prod" })).toBe("“Critical in prod” (run 42)");
    expect(alertRefLabel(" 3:42", { ref: "3:42", name: "Critical in prod" })).toBe("“Critical in prod” (run 42)");
    expect(alertRefLabel("3:43", { ref: "3:42", name: "Critical in prod" })).toBe("rule #3 (run 43)"); // another value, navigated to in the browser
    expect(alertRefLabel("4:42", null)).toBe("rule #4 (run 42)");
    expect(alertRefLabel("3:x", { ref: "3:42", name: "Critical in prod" })).toBe("3:x");
    const format = "expected <rule id>:<run id>, two whole numbers such as 3:42";
    for (const [value, message] of [
      ["3", format], ["3:", format], ["rule:42", format], ["3:42:1", format], ["-3:42", format], ["3.5:42", format], ["3:4e2", format], ["x".repeat(100), format],
      ["0:42", "the rule id must be from 1 to 2147483647 (0)"],
      ["3:0", "the run id must be from 1 to 2147483647 (0)"],
      ["3:2147483648", "the run id must be from 1 to 2147483647 (2147483648)"],
    ]) {
      const bad = parseFindingsFilter(new URLSearchParams({ alert: value, severity: "HIGH" }));
      expect(bad.issues, value).toEqual([{ field: "alert", message }]);
      expect(bad.filter.alert).toBeUndefined();
      expect(bad.filter.severity).toEqual(["HIGH"]);
    }
  });

  it("resets paging on any change but the cursor", () => {
    const { filter } = parseFindingsFilter(new URLSearchParams(`cursor=${encodeCursor({ sort: "score", segment: 0, value: 9, id: "4", page: 2 })}`));
    expect(withFilter(filter, { severity: ["HIGH"] }).cursor).toBeUndefined();
    expect(withFilter(filter, { cursor: "next" }).cursor).toBe("next");
  });
});
