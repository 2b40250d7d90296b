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

export function heatColours(severity: Severity, count: number, max: number): { backgroundColor: string; color: string } | undefined {
  if (count <= 0) return undefined;
  const fill = severityColor[severity].fill;
  for (let share = heatShare(count, max); ; share = Math.min(1, share + 0.02)) {
    const bg = tint(fill, share);
    if (contrastRatio(bg, heatInk) >= minTextContrast) return { backgroundColor: bg, color: heatInk };
    if (contrastRatio(bg, white) >= minTextContrast || share >= 1) return { backgroundColor: bg, color: contrastRatio(bg, white) >= contrastRatio(bg, heatInk) ? white : heatInk };
  }
}
