import { recordedInUse } from "@/lib/review/review-in-use";
import { reviewMeta, reviewSection } from "./review-data";
import { TrendCards } from "./trends/trend-cards";
import { TrendTable } from "./trends/trend-table";

export async function TrendsLoader({ dataKey }: { dataKey: string }) {
  const [{ meta }, trends] = await Promise.all([reviewMeta(dataKey), reviewSection(dataKey, "trends")]);
  const group = { ...meta.group, inUse: recordedInUse(meta).mode };
  return (
    <>
      <TrendCards trends={trends} group={group} />
      <details className="mt-3 rounded-lg border border-line bg-panel px-4 py-2" data-no-print>
        <summary className="cursor-pointer text-sm font-medium text-accent">Trends as a table</summary>
        <TrendTable trends={trends} group={group} />
      </details>
    </>
  );
}
