// The headline numbers of a review, computed once from the payload so the page tiles, the PDF
// and the CSV show exactly the same figures.
import type { ReviewPayload } from "@/lib/queries/review/review-types";

export interface HeadlineItem {
  key: string;
  label: string;
  value: number;
}

export function reviewHeadline(p: ReviewPayload): HeadlineItem[] {
  const latest = p.trends.open.at(-1);
  return [
    { key: "open", label: "Open findings", value: latest?.total ?? 0 },
    { key: "openCritical", label: "Open critical", value: latest?.open.CRITICAL ?? 0 },
    { key: "breached", label: "SLA breached", value: p.sla.totals.breached },
    { key: "dueSoon", label: `Due within ${p.sla.dueSoonDays} days`, value: p.sla.totals.dueSoon },
    { key: "excepted", label: "Excepted", value: p.sla.totals.excepted },
    { key: "newCriticalHigh", label: "New critical/high", value: p.since.newCriticalHigh.count },
    { key: "fixed", label: "Fixed", value: p.since.fixed.count },
    { key: "reopened", label: "Reopened", value: p.since.reopened.count },
  ];
}
