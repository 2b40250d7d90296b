// Sorting and grouping of heatmap rows (by OU or owner), kept pure for tests.
import { severityOrder, type Severity } from "@/lib/domain/severity";
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";
import { providerLabel } from "@/lib/queries/posture/provider-rows";
import type { HeatmapGroup, HeatmapSort } from "@/lib/queries/posture/overview-filter";
import { NO_OU } from "@/lib/domain/no-ou";

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
    const key = r.provider ? providerLabel(r.provider) : ((group === "ou" ? r.ou : r.owner) ?? NO_OU);
    const g = groups.get(key) ?? { key, counts: Object.fromEntries(severityOrder.map((s) => [s, 0])) as Record<Severity, number>, total: 0, accounts: [] };
    for (const s of severityOrder) g.counts[s] += r.counts[s];
    g.total += r.total;
    g.accounts.push(r);
    groups.set(key, g);
  }
  const cmp = compareBy(sort);
  return [...groups.values()].map((g) => ({ ...g, accounts: sortAccounts(g.accounts, sort) })).sort((a, b) => cmp({ ...a, name: a.key }, { ...b, name: b.key }));
}

/** A group's header without its accounts: what the first paint needs before a group is opened. */
export interface HeatmapGroupSummary {
  key: string;
  counts: Record<Severity, number>;
  total: number;
  size: number;
  /** Set when the group is another cloud's (its header links by provider). */
  provider?: string;
  /** Some account also reports other clouds' findings: links add provider=AWS. */
  otherClouds: boolean;
}

/** The rows a page carries before anyone asks for more: bounded, whatever the organization's size. */
export interface HeatmapFirstPaint {
  rows: HeatmapRow[];
  /** Every row (accounts and other clouds' accounts) in scope. */
  total: number;
  /** Of total, the other clouds' accounts (Azure subscriptions…): "accounts" alone would overstate the AWS ones. */
  otherCloudRows: number;
  /** rows holds every row: nothing to fetch. */
  complete: boolean;
  /** Group headers per grouping; null when a grouping has more groups than the limit (fetched when chosen). */
  groups: Record<Exclude<HeatmapGroup, "none">, HeatmapGroupSummary[] | null>;
}

const sorts: HeatmapSort[] = ["critical", "high", "total"];

export function summarizeGroups(rows: HeatmapRow[], group: Exclude<HeatmapGroup, "none">): HeatmapGroupSummary[] {
  return groupAccounts(rows, group, "critical").map((g) => ({
    key: g.key, counts: g.counts, total: g.total, size: g.accounts.length,
    ...(g.accounts[0]?.provider ? { provider: g.accounts[0].provider } : {}),
    otherClouds: g.accounts.some((a) => a.otherClouds),
  }));
}

/**
 * The first paint of the heatmap: every row when there are at most `limit`, else the top `perSort`
 * under each sort (so switching the sort needs no fetch) and each grouping's headers (when there
 * are at most `limit` groups); the rest is fetched when someone shows all accounts or opens a group.
 */
export function heatmapFirstPaint(rows: HeatmapRow[], perSort: number, limit: number): HeatmapFirstPaint {
  const bounded = (g: HeatmapGroupSummary[]) => (g.length <= limit ? g : null);
  const groups = { ou: bounded(summarizeGroups(rows, "ou")), owner: bounded(summarizeGroups(rows, "owner")) };
  const otherCloudRows = rows.filter((r) => r.provider).length;
  if (rows.length <= limit) return { rows, total: rows.length, otherCloudRows, complete: true, groups };
  const keep = new Set<HeatmapRow>();
  for (const s of sorts) for (const r of sortAccounts(rows, s).slice(0, perSort)) keep.add(r);
  return { rows: rows.filter((r) => keep.has(r)), total: rows.length, otherCloudRows, complete: false, groups };
}
