// Loads every section (shared with their own loaders through the request cache) for the headline.
import { reviewHeadline } from "@/lib/review/export/review-headline";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { groupFilter } from "@/lib/review/review-links";
import { HeadlineTiles } from "./headline-tiles";
import { reviewMeta, reviewSection } from "./review-data";

export async function HeadlineLoader({ dataKey }: { dataKey: string }) {
  const [{ meta }, trends, sla, since, exceptions] = await Promise.all([
    reviewMeta(dataKey), reviewSection(dataKey, "trends"), reviewSection(dataKey, "sla"), reviewSection(dataKey, "since"), reviewSection(dataKey, "exceptions"),
  ]);
  const items = reviewHeadline({ version: 1, meta, trends, sla, since, exceptions });
  const g = groupFilter(meta.group);
  const hrefs = {
    open: findingsHref(g),
    openCritical: findingsHref({ ...g, severity: ["CRITICAL"] }),
    breached: "#sla", dueSoon: "#sla", excepted: "#sla-excepted",
    newCriticalHigh: since.newCriticalHigh.href, fixed: since.fixed.href, reopened: since.reopened.href,
  };
  return <HeadlineTiles items={items} hrefs={hrefs} />;
}
