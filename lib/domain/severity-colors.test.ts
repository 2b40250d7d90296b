import { describe, expect, it } from "vitest";
import { severityColor, severityOrder } from "./severity";
import { contrastRatio } from "./contrast";
import { deltaE } from "./colour-vision";

const pairs = severityOrder.flatMap((a, i) => severityOrder.slice(i + 1).map((b) => [a, b] as const));

describe("the severity palette", () => {
  it("carries its label text at 4.5:1 and reads as text on white and on the canvas", () => {
    for (const s of severityOrder) {
      const c = severityColor[s];
      expect(contrastRatio(c.fill, c.text), s).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.ink, "#ffffff"), s).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.ink, "#f4f6f9"), s).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("keeps every two severities apart with normal vision, protanopia and deuteranopia", () => {
    for (const vision of [undefined, "protanopia", "deuteranopia"] as const) {
      for (const [a, b] of pairs) {
        expect(deltaE(severityColor[a].fill, severityColor[b].fill, vision), `${a}/${b} ${vision ?? "normal"}`).toBeGreaterThan(18);
      }
    }
  });

  it("still tells them apart with tritanopia", () => {
    for (const [a, b] of pairs) expect(deltaE(severityColor[a].fill, severityColor[b].fill, "tritanopia"), `${a}/${b}`).toBeGreaterThan(10);
  });
});
