import { sinceGroups, sinceUnobserved } from "@/lib/review/export/since-groups";
import { formatInstant } from "@/lib/review/format";
import { reviewMeta, reviewSection } from "./review-data";
import { ReviewSection } from "./review-section";
import { SinceSection } from "./since-section";

export async function SinceLoader({ dataKey }: { dataKey: string }) {
  const [{ meta }, since] = await Promise.all([reviewMeta(dataKey), reviewSection(dataKey, "since")]);
  const groups = sinceGroups(since).map((g) => ({ ...g, linkLabel: g.key === "lostCoverage" ? "Open coverage" : "Open in explorer" }));
  const from = meta.previous ? `the review of ${meta.previous.meetingDate}` : "a week before";
  return (
    <ReviewSection id="since" title="Since the last review" subtitle={`${formatInstant(since.from)} (${from}) → ${formatInstant(since.to)}`}>
      <SinceSection groups={groups} unobserved={sinceUnobserved(since)} />
    </ReviewSection>
  );
}
