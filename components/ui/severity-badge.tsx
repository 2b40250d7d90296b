import { severityColor, severityLabel, toSeverity } from "@/lib/domain/severity";

/** Severity as colour and text together, never colour alone. */
export function SeverityBadge({ severity, compact = false }: { severity: string; compact?: boolean }) {
  const s = toSeverity(severity);
  const c = severityColor[s];
  return (
    <span
      className={`inline-flex items-center rounded font-semibold whitespace-nowrap ${compact ? "px-1.5 py-0 text-[11px]" : "px-2 py-0.5 text-xs"}`}
      style={{ backgroundColor: c.fill, color: c.text }}
    >
      {severityLabel[s]}
    </span>
  );
}
