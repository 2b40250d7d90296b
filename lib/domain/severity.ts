// The one definition of Inspector severities: Zod schemas, URL parsers, SQL and UI labels use it.
import { z } from "zod";

export const severityOrder = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED"] as const;
export type Severity = (typeof severityOrder)[number];
export const severitySchema = z.enum(severityOrder);

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

export function toSeverity(s: string | undefined | null): Severity {
  return severitySchema.safeParse(s).success ? (s as Severity) : "UNTRIAGED";
}
