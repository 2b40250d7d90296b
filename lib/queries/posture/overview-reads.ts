// The overview's shared reads, memoised once per request (React's cache) and across requests
// until the data changes (overviewMemo: a sync run, or any write to findings, accounts or
// account_regions): tiles, heatmap and bars share one count.
import { cache } from "react";
import { allScope, type Scope } from "@/lib/queries/scope";
import type { InUseMode } from "@/lib/domain/in-use";
import { getOpenAggregates } from "./open-aggregates";
import { overviewMemo } from "./sync-version";
import { getTopRisks } from "./top-risks";
import { getImageUsageSummary } from "./image-usage-summary";
import { hasPostureData, listRegions } from "./has-data";
import { getEnablementSummary } from "./overview-tiles";
import { getCostTotal } from "@/lib/queries/cost/usage-cost";

export const openAggregates = cache((scope: Scope, regions: string[], inUse: InUseMode = "only") =>
  overviewMemo().get(`open:${JSON.stringify([scope, regions, inUse])}`, () => getOpenAggregates(scope, regions, inUse)),
);

/** Organization-wide even under a region filter: ranking within one region reads every row of
 *  the region (~1 s cold at a million findings), and the riskiest CVEs matter wherever they are. */
export function orgTopRisks(scope: Scope) {
  return overviewMemo().get(`risks:${JSON.stringify(scope)}`, () => getTopRisks(scope, []));
}

/** The in-use switch's explanation counts every open image finding (7–9 s at 1M findings on a
 *  loaded 2-core machine): memoised like the counts, it is read once per sync, not per page view. */
export function imageUsageSummary(scope: Scope, regions: string[]) {
  return overviewMemo().get(`image-usage:${JSON.stringify([scope, regions])}`, () => getImageUsageSummary(scope, regions));
}

/** The page's frame (is there data, which regions, how many accounts are enabled): a few ms of
 *  database each, on every view, so memoised like the counts (accounts and sync runs move the version). */
export const overviewFrame = cache((scope: Scope) =>
  overviewMemo().get(`frame:${JSON.stringify(scope)}`, async () => {
    const [hasData, regions] = await Promise.all([hasPostureData(scope), listRegions(scope)]);
    return { hasData, regions };
  }),
);

export const enablementSummary = cache((scope: Scope, regions: string[]) =>
  overviewMemo().get(`enablement:${JSON.stringify([scope, regions])}`, () => getEnablementSummary(scope, regions)),
);

/** Inspector's cost estimate over the scope (usage rows are written only by a run, which moves the version). */
export const costTotal = cache((scope: Scope) => overviewMemo().get(`cost:${JSON.stringify(scope)}`, () => getCostTotal(scope)));

/** Fills the memo with what the organization-wide overview first asks for (every account and
 *  region, in-use images only), so its first viewer after a run reads memory (46 ms at 10M findings)
 *  instead of the rollups (~600 ms). Scoped roles and filters still fill their own on first view. */
export async function warmOrgOverview(): Promise<void> {
  await Promise.all([openAggregates(allScope, [], "only"), orgTopRisks(allScope), imageUsageSummary(allScope, []), overviewFrame(allScope), enablementSummary(allScope, []), costTotal(allScope)]);
}
