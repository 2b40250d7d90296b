import { describe, expect, it } from "vitest";
import { severityOrder } from "@/lib/domain/severity";
import { contrastRatio } from "@/lib/domain/contrast";
import { heatColours, heatShare } from "./heat-scale";

describe("heatmap cell colours", () => {
  it("keep 4.5:1 between the count and its cell for every severity and count", () => {
    for (const s of severityOrder) {
      for (let count = 1; count <= 1000; count += count < 20 ? 1 : 37) {
        const c = heatColours(s, count, 1000)!;
        expect(contrastRatio(c.backgroundColor, c.color), `${s} ${count}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("get darker as the count grows, and leave empty cells untinted", () => {
    expect(heatColours("HIGH", 0, 10)).toBeUndefined();
    expect(heatShare(1, 100)).toBeLessThan(heatShare(50, 100));
    expect(heatShare(100, 100)).toBeCloseTo(1);
  });

  it("answer a repeated cell from memory with the colours the search gives, past the memory's bound", () => {
    const first = heatColours("CRITICAL", 7, 90)!;
    expect(heatColours("CRITICAL", 7, 90)).toBe(first);
    // Fill the memory past its bound (10,000): a cleared memory still answers with the same colours.
    for (let count = 1; count <= 10_500; count++) heatColours("LOW", count, 20_000);
    const again = heatColours("CRITICAL", 7, 90)!;
    expect(again).toEqual(first);
    expect(contrastRatio(again.backgroundColor, again.color)).toBeGreaterThanOrEqual(4.5);
    expect(heatColours("CRITICAL", 8, 90)!.backgroundColor).not.toBe(first.backgroundColor);
  });
});
