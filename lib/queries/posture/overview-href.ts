// Overview URL building without Zod (the heatmap's client controls use it).
export const heatmapSorts = ["critical", "high", "total"] as const;
export const heatmapGroups = ["none", "ou", "owner"] as const;
export type HeatmapSort = (typeof heatmapSorts)[number];
export type HeatmapGroup = (typeof heatmapGroups)[number];

export function overviewHref(f: { region?: string[]; sort?: HeatmapSort; group?: HeatmapGroup; inUse?: "only" | "all" }): string {
  const p = new URLSearchParams();
  for (const r of f.region ?? []) p.append("region", r);
  if (f.sort && f.sort !== "critical") p.set("sort", f.sort);
  if (f.group && f.group !== "none") p.set("group", f.group);
  if (f.inUse === "all") p.set("inUse", "all");
  const qs = p.toString();
  return qs ? `/?${qs}` : "/";
}
