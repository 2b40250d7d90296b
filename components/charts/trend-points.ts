// daily_snapshots rows (day, severity, open) -> one chart point per day with a key per severity.
import { severityOrder, toSeverity, type Severity } from "@/lib/domain/severity";
import type { TrendPoint } from "./trend-chart";

export function toTrendPoints(rows: { day: string; severity: string; open: number }[]): { points: TrendPoint[]; severities: Severity[] } {
  const byDay = new Map<string, TrendPoint>();
  const seen = new Set<Severity>();
  for (const r of rows) {
    const s = toSeverity(r.severity);
    seen.add(s);
    const point = byDay.get(r.day) ?? { day: r.day };
    point[s] = ((point[s] as number | undefined) ?? 0) + r.open;
    byDay.set(r.day, point);
  }
  const severities = severityOrder.filter((s) => seen.has(s));
  const points = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)).map((p) => ({ ...Object.fromEntries(severities.map((s) => [s, 0])), ...p }));
  return { points, severities };
}
