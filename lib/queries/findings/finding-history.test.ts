import { describe, expect, it } from "vitest";
import { findingHistory } from "./finding-history";

const at = (iso: string) => new Date(iso);

describe("findingHistory", () => {
  it("starts with first sight in the status the finding had then, before the recorded changes", () => {
    const changes = [
      { at: at("2026-11-02T00:00:00Z"), kind: "STATUS", from_value: "SUPPRESSED", to_value: "ACTIVE" },
      { at: at("2026-11-05T00:00:00Z"), kind: "STATUS", from_value: "ACTIVE", to_value: "CLOSED" },
    ];
    expect(findingHistory({ first_observed_at: at("2026-11-01T00:00:00Z"), status: "CLOSED" }, changes)).toEqual([
      { at: at("2026-11-01T00:00:00Z"), kind: "NEW", from_value: null, to_value: "SUPPRESSED" },
      ...changes,
    ]);
  });

  it("uses the current status when it never changed", () => {
    const exploit = { at: at("2026-11-03T00:00:00Z"), kind: "EXPLOITABLE", from_value: "NO", to_value: "YES" };
    expect(findingHistory({ first_observed_at: at("2026-11-01T00:00:00Z"), status: "ACTIVE" }, [exploit])).toEqual([
      { at: at("2026-11-01T00:00:00Z"), kind: "NEW", from_value: null, to_value: "ACTIVE" },
      exploit,
    ]);
  });
});
