import { reviewMeta, reviewSection } from "./review-data";
import { TrendCards } from "./trends/trend-cards";

export async function TrendsLoader({ dataKey }: { dataKey: string }) {
  const [{ meta }, trends] = await Promise.all([reviewMeta(dataKey), reviewSection(dataKey, "trends")]);
  return <TrendCards trends={trends} group={meta.group} />;
}
