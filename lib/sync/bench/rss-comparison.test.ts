import { describe, expect, it } from "vitest";
import { median, parseFirstLoad, rssComparison } from "./rss-comparison";

describe("the RSS comparison's reading of a first load", () => {
  const line = "first load: 1,998,424 findings over 2000 accounts in 181.4 s (listing+writes 152.6 + index build 28.8) = 11,018 findings/s end to end (SUCCEEDED); " +
    "then the loaded rows vacuumed in 1.4 s (not in the rate: the COPY leaves them unvacuumed too); peak RSS 1,386 MB (V8 heap 149 MB used, 185 MB committed; external 108 MB)";

  it("takes the peak RSS and the end-to-end rate as printed, digits grouped", () => {
    expect(parseFirstLoad(2_000_000, `machine: 2 cores\n${line}\n`)).toEqual({ findings: 2_000_000, peakRssMb: 1386, findingsPerSecond: 11018 });
  });

  it("refuses a run that did not succeed, saying which size", () => {
    expect(() => parseFirstLoad(200_000, line.replace("SUCCEEDED", "PARTIAL"))).toThrow(/first load of 200000 findings printed no peak RSS or rate/);
  });

  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([408, 387, 395])).toBe(395);
    expect(median([406, 386])).toBe(396);
  });

  it("refuses a number of accounts that is not a whole number from 1 to 20,000 before running anything", async () => {
    await expect(rssComparison(1, 0)).rejects.toThrow("--accounts: expected a whole number from 1 to 20,000, got 0");
    await expect(rssComparison(1, 2.5)).rejects.toThrow(/--accounts/);
  });
});
