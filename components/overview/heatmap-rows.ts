// Sorting and grouping of heatmap rows (by OU or owner), kept pure for tests.
import { severityOrder, type Severity } from "@/lib/domain/severity";
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";
import { providerLabel } from "@/lib/queries/posture/provider-rows";
import type { HeatmapGroup, HeatmapSort } from "@/lib/queries/posture/overview-filter";

const sortValue = (sort: HeatmapSort, c: { counts: Record<Severity, number>; total: number }) =>
  sort === "total" ? [c.total, c.counts.CRITICAL, c.counts.HIGH] : sort === "high" ? [c.counts.HIGH, c.counts.CRITICAL, c.total] : [c.counts.CRITICAL, c.counts.HIGH, c.total];

export function compareBy(sort: HeatmapSort) {
  return (a: { counts: Record<Severity, number>; total: number; name: string }, b: { counts: Record<Severity, number>; total: number; name: string }) => {
    const va = sortValue(sort, a), vb = sortValue(sort, b);
    for (let i = 0; i < va.length; i++) if (va[i] !== vb[i]) return vb[i] - va[i];
    return a.name.localeCompare(b.name);
  };
}

export interface HeatmapGroupRows {
  key: string;
  counts: Record<Severity, number>;
  total: number;
  accounts: HeatmapRow[];
}

export function sortAccounts(rows: HeatmapRow[], sort: HeatmapSort): HeatmapRow[] {
  const cmp = compareBy(sort);
  return [...rows].sort((a, b) => cmp({ ...a, name: a.name ?? a.accountId }, { ...b, name: b.name ?? b.accountId }));
}

export function groupAccounts(rows: HeatmapRow[], group: Exclude<HeatmapGroup, "none">, sort: HeatmapSort): HeatmapGroupRows[] {
  const groups = new Map<string, HeatmapGroupRows>();
  for (const r of rows) {
    // Another cloud's accounts have no OU or owner: they group under their provider.
    const key = r.provider ? providerLabel(r.provider) : ((group === "ou" ? r.ou : r.owner) ?? "(none)");
    const g = groups.get(key) ?? { key, counts: Object.fromEntries(severityOrder.map((s) => [s, 0])) as Record<Severity, number>, total: 0, accounts: [] };
    for (const s of severityOrder) g.counts[s] += r.counts[s];
    g.total += r.total;
    g.accounts.push(r);
    groups.set(key, g);
  }
  const cmp = compareBy(sort);
  return [...groups.values()].map((g) => ({ ...g, accounts: sortAccounts(g.accounts, sort) })).sort((a, b) => cmp({ ...a, name: a.key }, { ...b, name: b.key }));
}
