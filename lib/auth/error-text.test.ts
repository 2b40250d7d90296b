import { describe, expect, it } from "vitest";
import { errorForRole, errorsForRole, plainError } from "./error-text";

const aws = "User: arn:aws:sts::123456789012:assumed-role/InspectorateReadOnly/inspectorate is not authorized to perform: inspector2:ListFindings with an explicit deny in a service control policy";

describe("errors by role", () => {
  it("shows admins AWS's text and everyone else a plain reason naming the region", () => {
    expect(errorForRole("admin", aws, "eu-west-1")).toBe(aws);
    expect(errorForRole("analyst", aws, "eu-west-1")).toBe("access denied in eu-west-1 — ask an admin");
    expect(plainError("ThrottlingException: Rate exceeded")).toContain("throttled");
    expect(errorForRole("viewer", null)).toBeNull();
  });

  it("replaces every error field in a status object for non-admins, keeping the rest", () => {
    const status = { lastRun: { id: 3, error: aws, notes: [{ kind: "demo", message: "Demo data" }] }, regions: [{ region: "us-east-2", sync_error: aws }] };
    const viewer = errorsForRole(status, "viewer");
    expect(viewer.lastRun.error).toBe("access denied — ask an admin");
    expect(viewer.regions[0].sync_error).toBe("access denied in us-east-2 — ask an admin");
    expect(viewer.lastRun.notes[0].message).toBe("Demo data");
    expect(JSON.stringify(viewer)).not.toContain("arn:aws");
    expect(errorsForRole(status, "admin")).toBe(status);
  });

  it("replaces a failed run's progress message (the run's error), not a note's message", () => {
    const status = { progress: { heartbeatAt: "2026-12-03T09:00:00Z", outcome: "FAILED", message: aws }, lastRun: { notes: [{ kind: "bulk-load", message: "First load into an empty cache" }] } };
    const viewer = errorsForRole(status, "analyst");
    expect(viewer.progress.message).toBe("access denied — ask an admin");
    expect(viewer.lastRun.notes[0].message).toBe("First load into an empty cache");
    expect(errorsForRole(status, "admin").progress.message).toBe(aws);
  });
});
