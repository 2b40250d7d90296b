import { describe, expect, it } from "vitest";
import { inUseLine, recordedInUse } from "./review-in-use";

describe("a review's recorded in-use choice", () => {
  it("reads the recorded choice, and a record from before the switch as every image, saying so", () => {
    expect(recordedInUse({ inUse: "only" })).toEqual({ mode: "only", recorded: true });
    expect(recordedInUse({ inUse: "all" })).toEqual({ mode: "all", recorded: true });
    expect(recordedInUse({})).toEqual({ mode: "all", recorded: false });
    expect(inUseLine({ inUse: "only" })).toMatch(/^In use only \(/);
    expect(inUseLine({ inUse: "all" })).toMatch(/^All images \(including/);
    expect(inUseLine({})).toContain("frozen before the in-use switch existed");
  });
});
