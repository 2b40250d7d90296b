// The one definition of Inspector severities: Zod schemas (enum-schemas.ts), URL parsers, SQL and
// UI labels use it. No Zod here, so client components that only need labels stay small.
export const severityOrder = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED"] as const;
export type Severity = (typeof severityOrder)[number];
/** The four ranked severities the review, the PDF and the account table chart (no informational or untriaged). */
export const rankedSeverities: readonly Severity[] = severityOrder.slice(0, 4);

export const severityLabel: Record<Severity, string> = {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
  INFORMATIONAL: "Informational",
  UNTRIAGED: "Untriaged",
};

/** Rank for sorting: lower is worse. Unknown values sort last. */
export function severityRank(s: string): number {
  const i = severityOrder.indexOf(s as Severity);
  return i === -1 ? severityOrder.length : i;
}

const known = new Set<string>(severityOrder);
export function toSeverity(s: string | undefined | null): Severity {
  return s && known.has(s) ? (s as Severity) : "UNTRIAGED";
}

/**
 * Okabe–Ito derived and ordered dark → light, so the severities stay apart with protanopia and
 * deuteranopia (tested in severity-colors.test.ts) and are always shown with their name. `fill`
 * carries `text` at 4.5:1 or more; `ink` is the severity as text on white or the canvas.
 */
export const severityColor: Record<Severity, { fill: string; text: string; ink: string }> = {
  CRITICAL: { fill: "#9b1c31", text: "#ffffff", ink: "#9b1c31" },
  HIGH: { fill: "#c44e00", text: "#ffffff", ink: "#b14600" },
  MEDIUM: { fill: "#e69f00", text: "#1b2230", ink: "#8a5a00" },
  LOW: { fill: "#0072b2", text: "#ffffff", ink: "#0068a3" },
  INFORMATIONAL: { fill: "#8c939f", text: "#1b2230", ink: "#5b6472" },
  UNTRIAGED: { fill: "#4f4a6e", text: "#ffffff", ink: "#4f4a6e" },
};
