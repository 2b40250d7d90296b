// Loads every section (shared with their own loaders through the request cache) for the headline;
// a frozen review's stored headline is shown as stored.
import { reviewHeadline } from "@/lib/review/export/review-headline";
import { HeadlineTiles } from "./headline-tiles";
import { reviewMeta, reviewSection } from "./review-data";

export async function HeadlineLoader({ dataKey }: { dataKey: string }) {
  const [{ meta, headline }, trends, sla, since, exceptions] = await Promise.all([
    reviewMeta(dataKey), reviewSection(dataKey, "trends"), reviewSection(dataKey, "sla"), reviewSection(dataKey, "since"), reviewSection(dataKey, "exceptions"),
  ]);
  return <HeadlineTiles items={reviewHeadline({ version: 2, meta, headline, trends, sla, since, exceptions })} />;
}
