import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";
import { packagesCell } from "./findings-export";
import { mapPackages } from "./finding-raw-mapper";

describe("csv", () => {
  it("quotes separators and quotes, and defuses spreadsheet formulas", () => {
    expect(csvLine(["a,b", 'say "hi"', "line\nbreak", null, 7.5, -3])).toBe('"a,b","say ""hi""","line\nbreak",,7.5,-3\r\n');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM")).toBe("'@SUM");
    expect(csvCell(new Date("2024-01-02T03:04:05Z"))).toBe("2024-01-02T03:04:05.000Z");
  });

  it("writes packages from the raw JSON as installed -> fixed-in", () => {
    const raw = { packageVulnerabilityDetails: { vulnerablePackages: [{ name: "openssl", epoch: 1, version: "3.0.13", release: "1.el9", fixedInVersion: "3.0.14" }, { name: "zlib", version: "1.2", fixedInVersion: "NotAvailable" }] } };
    expect(packagesCell(mapPackages(raw))).toBe("openssl 1:3.0.13-1.el9 -> 3.0.14; zlib 1.2 -> no fix");
  });
});
