// Reading a run's notes back from sync_runs.notes: well-formed entries kept (a kind this version does not
// name included), anything else left out rather than shown garbled.
import { describe, expect, it } from "vitest";
import { runNoteLabel, runNotesFromJson, runNoteWarns } from "./run-notes";

describe("runNotesFromJson", () => {
  it("keeps each well-formed note, with its region when it has one", () => {
    const notes = [
      { kind: "organizations", message: "OUs or owner tags incomplete: ListParents denied" },
      { kind: "mapping", region: "eu-west-1", message: "skipped finding arn:x: no severity" },
      { kind: "retired-kind", message: "written by an older version" },
      { kind: "configuration", region: "us-east-1", message: "usage and cost (ListUsageTotals) not read", error: "AccessDeniedException: not authorized" },
    ];
    expect(runNotesFromJson(notes)).toEqual(notes);
  });

  it("leaves out entries of another shape, and reads anything but an array as no notes", () => {
    expect(runNotesFromJson([{ kind: "demo" }, { message: "no kind" }, { kind: "clock", message: "" }, "text", null, { kind: "clock", message: 5 }, { kind: "clock", message: "x", error: 7 },
      { kind: "clock", message: "AWS's clock is 40 s ahead" }])).toEqual([{ kind: "clock", message: "AWS's clock is 40 s ahead" }]);
    for (const json of [null, undefined, {}, "[]", 3]) expect(runNotesFromJson(json)).toEqual([]);
  });
});

describe("runNoteLabel and runNoteWarns", () => {
  it("name the kinds this version writes, and show another as a plain note", () => {
    expect(runNoteLabel("bulk-load")).toBe("First load");
    expect(runNoteLabel("mapping")).toBe("Findings skipped");
    expect(runNoteLabel("retired-kind")).toBe("Note");
    expect(runNoteLabel("constructor")).toBe("Note");
  });

  it("warn on what the views may lack, not on what the run chose to do", () => {
    expect(runNoteWarns("organizations")).toBe(true);
    expect(runNoteWarns("mapping")).toBe(true);
    expect(runNoteWarns("bulk-load")).toBe(false);
    expect(runNoteWarns("demo")).toBe(false);
  });
});
