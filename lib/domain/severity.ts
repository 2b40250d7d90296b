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

/** Okabe–Ito based, distinguishable with the common colour-vision deficiencies; always shown with text. */
export const severityColor: Record<Severity, { fill: string; text: string }> = {
  CRITICAL: { fill: "#b2182b", text: "#ffffff" },
  HIGH: { fill: "#e66101", text: "#ffffff" },
  MEDIUM: { fill: "#f1b630", text: "#1f1f1f" },
  LOW: { fill: "#5e9ccf", text: "#ffffff" },
  INFORMATIONAL: { fill: "#9e9e9e", text: "#1f1f1f" },
  UNTRIAGED: { fill: "#6d6d8a", text: "#ffffff" },
};
