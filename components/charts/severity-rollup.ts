// Rolls (key, severity, count) rows up into one bar per key with counts per severity, biggest first.
import { severityOrder, toSeverity, type Severity } from "@/lib/domain/severity";

export interface SeverityBar {
  key: string;
  counts: Record<Severity, number>;
  total: number;
}

export const emptyCounts = (): Record<Severity, number> => Object.fromEntries(severityOrder.map((s) => [s, 0])) as Record<Severity, number>;

export function rollUp<T extends { severity: string; count: number }>(rows: T[], keyOf: (r: T) => string): SeverityBar[] {
  const bars = new Map<string, SeverityBar>();
  for (const r of rows) {
    const key = keyOf(r);
    const bar = bars.get(key) ?? { key, counts: emptyCounts(), total: 0 };
    bar.counts[toSeverity(r.severity)] += r.count;
    bar.total += r.count;
    bars.set(key, bar);
  }
  return [...bars.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}
