import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";
import { packagesCell } from "./findings-export";

describe("csv", () => {
  it("quotes separators and quotes, and defuses spreadsheet formulas", () => {
    expect(csvLine(["a,b", 'say "hi"', "line\nbreak", null, 7.5, -3])).toBe('"a,b","say ""hi""","line\nbreak",,7.5,-3\r\n');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM")).toBe("'@SUM");
    expect(csvCell(new Date("2024-01-02T03:04:05Z"))).toBe("2024-01-02T03:04:05.000Z");
  });

  it("writes packages as installed -> fixed-in", () => {
    expect(packagesCell([{ name: "openssl", version: "3.0.13", fixedInVersion: "3.0.14" }, { name: "zlib", version: "1.2", fixedInVersion: "NotAvailable" }])).toBe("openssl 3.0.13 -> 3.0.14; zlib 1.2 -> no fix");
  });
});
