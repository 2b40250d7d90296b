// URL state of the overview: region filter, heatmap sort and grouping. Pure; the heatmap's
// client controls parse the same schema.
import { z } from "zod";
import type { SearchParamsLike } from "@/lib/queries/findings/findings-filter";

import { heatmapGroups, heatmapSorts } from "./overview-href";

export type { HeatmapGroup, HeatmapSort } from "./overview-href";

const schema = z.object({
  region: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/)).catch([]),
  sort: z.enum(heatmapSorts).catch("critical"),
  group: z.enum(heatmapGroups).catch("none"),
  /** The "In use only" switch: only (default) or all; the explorer's "idle" is not an overview view. */
  inUse: z.enum(["only", "all"]).catch("only"),
});
export type OverviewFilter = z.output<typeof schema>;

/** Unknown values fall back to defaults: the overview has no field worth a 400. */
export function parseOverviewFilter(params: SearchParamsLike): OverviewFilter {
  const get = (k: string) => (params instanceof URLSearchParams ? params.getAll(k) : ([] as string[]).concat(params[k] ?? []));
  return schema.parse({ region: get("region").filter(Boolean), sort: get("sort")[0], group: get("group")[0], inUse: get("inUse")[0] });
}
