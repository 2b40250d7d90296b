// Heatmap cell colours: the severity's colour tinted by count (log scale within the column), with
// a text colour that keeps 4.5:1. Tints where neither dark nor white text reaches 4.5:1 are
// darkened until white text does.
import { severityColor, type Severity } from "@/lib/domain/severity";
import { contrastRatio, minTextContrast, tint } from "@/lib/domain/contrast";

export const heatInk = "#1b2230";
const white = "#ffffff";

export function heatShare(count: number, max: number): number {
  if (count <= 0) return 0;
  return 0.14 + 0.86 * (Math.log1p(count) / Math.log1p(Math.max(max, count, 1)));
}

type CellColours = { backgroundColor: string; color: string };

/** Colours already worked out, by severity, count and column maximum. A first paint has ~180 cells and
 *  every overview request paints them: the contrast search below (hex parsing and powers, several
 *  tries a cell) was ~5 % of a web worker's CPU under 50 viewers. Bounded: cleared whole when full. */
const known = new Map<string, CellColours>();
const KNOWN_MAX = 10_000;

export function heatColours(severity: Severity, count: number, max: number): CellColours | undefined {
  if (count <= 0) return undefined;
  const key = `${severity}:${count}:${max}`;
  const hit = known.get(key);
  if (hit) return hit;
  if (known.size >= KNOWN_MAX) known.clear();
  const colours = Object.freeze(searchColours(severity, count, max));
  known.set(key, colours);
  return colours;
}

function searchColours(severity: Severity, count: number, max: number): CellColours {
  const fill = severityColor[severity].fill;
  for (let share = heatShare(count, max); ; share = Math.min(1, share + 0.02)) {
    const bg = tint(fill, share);
    if (contrastRatio(bg, heatInk) >= minTextContrast) return { backgroundColor: bg, color: heatInk };
    if (contrastRatio(bg, white) >= minTextContrast || share >= 1) return { backgroundColor: bg, color: contrastRatio(bg, white) >= contrastRatio(bg, heatInk) ? white : heatInk };
  }
}
