import { describe, expect, it } from "vitest";
import { listingModeLabel, regionListingMode, runListingMode } from "./listing-mode";

describe("listing modes", () => {
  it("a region is FULL only when every member was listed in full", () => {
    expect(regionListingMode(1000, 1000)).toBe("FULL");
    expect(regionListingMode(1, 1000)).toBe("MIXED");
    expect(regionListingMode(0, 1000)).toBe("INCREMENTAL");
    expect(regionListingMode(0, 0)).toBe("INCREMENTAL");
  });

  it("a run is FULL only when every listed region was", () => {
    expect(runListingMode(["FULL", "FULL"])).toBe("FULL");
    expect(runListingMode(["FULL", "INCREMENTAL"])).toBe("MIXED");
    expect(runListingMode(["MIXED", "FULL"])).toBe("MIXED");
    expect(runListingMode(["INCREMENTAL", "INCREMENTAL"])).toBe("INCREMENTAL");
    expect(runListingMode([])).toBe("INCREMENTAL");
  });

  it("labels a mixed run for what it was", () => {
    expect(listingModeLabel("FULL")).toBe("full");
    expect(listingModeLabel("MIXED")).toBe("incremental, some accounts in full");
    expect(listingModeLabel("MIXED", "short")).toBe("partly full");
    expect(listingModeLabel("INCREMENTAL", "short")).toBe("incremental");
  });
});
