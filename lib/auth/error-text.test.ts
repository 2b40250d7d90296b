import { describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import type { ErrorReader } from "./error-text";
import { errorForActor, errorsForActor, plainError, seesRawErrors } from "./error-text";

const aws = "User: arn:aws:sts::123456789012:assumed-role/InspectorateReadOnly/inspectorate is not authorized to perform: inspector2:ListFindings with an explicit deny in a service control policy";
const orgAdmin: ErrorReader = { role: "admin", scope: allScope };
const scopedAdmin: ErrorReader = { role: "admin", scope: { accountIds: ["111111111111"] } };
const analyst: ErrorReader = { role: "analyst", scope: allScope };
const viewer: ErrorReader = { role: "viewer", scope: allScope };
// Admin of one account through one group, viewer of everything through another: reads all, administers one.
const mixedAdmin: ErrorReader = { role: "admin", scope: allScope, permissionScopes: { read: allScope, settings: { accountIds: ["111111111111"] } } };

describe("errors by who asks", () => {
  it("shows whole-organization admins AWS's text and everyone else a plain reason naming the region", () => {
    expect(errorForActor(orgAdmin, aws, "eu-west-1")).toBe(aws);
    expect(errorForActor(analyst, aws, "eu-west-1")).toBe("access denied in eu-west-1 — ask an admin");
    expect(plainError("ThrottlingException: Rate exceeded")).toContain("throttled");
    expect(errorForActor(viewer, null)).toBeNull();
  });

  it("gives a scoped admin the same plain text as a non-admin (no principal ARN, no account id)", () => {
    expect([orgAdmin, scopedAdmin, mixedAdmin, analyst].map(seesRawErrors)).toEqual([true, false, false, false]);
    for (const who of [scopedAdmin, mixedAdmin]) {
      expect(errorForActor(who, aws, "eu-west-1")).toBe(errorForActor(viewer, aws, "eu-west-1"));
      const status = { progress: { heartbeatAt: "2026-12-03T09:00:00Z", outcome: "FAILED", message: aws, regions: [{ region: "us-east-2", error: aws }] }, lastRun: { error: aws } };
      const seen = errorsForActor(status, who);
      expect(seen).toEqual(errorsForActor(status, viewer));
      expect(seen.lastRun.error).toBe("access denied — ask an admin");
      expect(seen.progress.message).toBe("access denied — ask an admin");
      expect(JSON.stringify(seen)).not.toMatch(/arn:aws|123456789012/);
    }
  });

  it("replaces every error field in a status object for non-admins, keeping the rest", () => {
    const status = { lastRun: { id: 3, error: aws, notes: [{ kind: "demo", message: "Demo data" }] }, regions: [{ region: "us-east-2", sync_error: aws }] };
    const seen = errorsForActor(status, viewer);
    expect(seen.lastRun.error).toBe("access denied — ask an admin");
    expect(seen.regions[0].sync_error).toBe("access denied in us-east-2 — ask an admin");
    expect(seen.lastRun.notes[0].message).toBe("Demo data");
    expect(JSON.stringify(seen)).not.toContain("arn:aws");
    expect(errorsForActor(status, orgAdmin)).toBe(status);
  });

  it("replaces a failed run's progress message (the run's error), not a note's message", () => {
    const status = { progress: { heartbeatAt: "2026-12-03T09:00:00Z", outcome: "FAILED", message: aws }, lastRun: { notes: [{ kind: "bulk-load", message: "First load into an empty cache" }] } };
    const seen = errorsForActor(status, analyst);
    expect(seen.progress.message).toBe("access denied — ask an admin");
    expect(seen.lastRun.notes[0].message).toBe("First load into an empty cache");
    expect(errorsForActor(status, orgAdmin).progress.message).toBe(aws);
  });

  it("keeps a note's own words and gives its AWS error (any text, matched by no pattern) as the plain reason", () => {
    const odd = "InternalFailure: request 7f3c… from arn:aws:iam::123456789012:role/x failed in an unexpected way";
    const notes = [
      { kind: "organizations", message: "account names not read from AWS Organizations; using the account id", error: `AccessDeniedException: ${aws}` },
      { kind: "configuration", region: "eu-west-1", message: "CIS benchmark scans (ListCisScans) not read", error: "Service unavailable, retry later" },
      { kind: "delegated-admin", region: "us-east-2", message: "could not confirm the delegated admin; the region is listed anyway", error: odd },
    ];
    const run = { run: { id: 5, notes } };
    for (const who of [viewer, analyst, scopedAdmin]) {
      expect(errorsForActor(run, who).run.notes).toEqual([
        { ...notes[0], error: "access denied — ask an admin" },
        { ...notes[1], error: "the sync failed in eu-west-1 — ask an admin" },
        { ...notes[2], error: "the sync failed in us-east-2 — ask an admin" },
      ]);
    }
    expect(errorsForActor(run, orgAdmin).run.notes).toEqual(notes);
  });

  it("gives a run's notes written before they had an error field (AWS quoted in the message) as their plain reason, and leaves the app's own notes and finding ARNs alone", () => {
    const notes = [
      { kind: "organizations", message: `account names not read from AWS Organizations (AccessDeniedException: ${aws}); using the account id` },
      { kind: "configuration", region: "eu-west-1", message: "scan configuration not read: ThrottlingException: Rate exceeded" },
      { kind: "mapping", region: "us-east-1", message: "skipped finding arn:aws:inspector2:us-east-1:123456789012:finding/abc: no severity" },
      { kind: "integrity", region: "us-east-1", message: "re-listed 1 account(s) whose counts disagreed with Inspector: 123456789012" },
    ];
    const run = { run: { id: 4, notes } };
    for (const who of [viewer, analyst, scopedAdmin]) {
      const seen = errorsForActor(run, who).run.notes;
      expect(seen[0]).toEqual({ kind: "organizations", message: "access denied — ask an admin" });
      expect(seen[1]).toEqual({ kind: "configuration", region: "eu-west-1", message: "AWS throttled the sync in eu-west-1; it will catch up on the next run" });
      expect(seen.slice(2)).toEqual(notes.slice(2));
      expect(JSON.stringify(seen)).not.toMatch(/arn:aws:sts|InspectorateReadOnly/);
    }
    expect(errorsForActor(run, orgAdmin).run.notes).toEqual(notes);
  });
});
