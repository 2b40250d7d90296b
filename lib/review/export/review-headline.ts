// The headline figures of a review with their link targets, computed once from the payload and
// stored in it when frozen, so the page tiles, the PDF and the CSV show exactly the same figures.
// "Open findings" is the latest observation up to the meeting, with when it was made; nothing
// observed yet is "—", never 0.
import type { HeadlineFigure, ReviewPayload } from "@/lib/queries/review/review-types";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { groupFilter } from "@/lib/review/review-links";
import { formatInstant } from "../format";
import { recordedInUse } from "../review-in-use";
import { sinceUnobserved } from "./since-groups";

export type HeadlineItem = HeadlineFigure;

/** "25 min", "5 h", "3 d": how long before the meeting's as-of an observation was made. */
export function formatAge(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 120) return `${min} min`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} d`;
}

function openDetail(p: ReviewPayload, hasValue: boolean): string {
  const latest = p.trends.observed?.latest;
  if (!hasValue) return "no sync has observed Inspector yet";
  if (!latest) return "estimated from the first sync";
  return `observed ${formatInstant(latest)}, ${formatAge(Date.parse(p.meta.asOf) - Date.parse(latest))} before`;
}

export function reviewHeadline(p: ReviewPayload): HeadlineItem[] {
  if (p.headline) return p.headline;
  const latest = [...p.trends.open].reverse().find((w) => w.total != null);
  // The explorer links count what the review counted (its in-use choice; "only" is the explorer's default too).
  const g = groupFilter({ ...p.meta.group, inUse: recordedInUse(p.meta).mode });
  const removed = p.since.removed;
  // No sync between the meetings: what changed is unknown, not nothing.
  const unobserved = sinceUnobserved(p.since);
  const since = (n: number) => (unobserved ? null : n);
  return [
    { key: "open", label: "Open findings", value: latest?.total ?? null, detail: openDetail(p, !!latest), href: findingsHref(g) },
    { key: "openCritical", label: "Open critical", value: latest?.open?.CRITICAL ?? null, href: findingsHref({ ...g, severity: ["CRITICAL"] }) },
    { key: "breached", label: "SLA breached", value: p.sla.totals.breached, href: "#sla" },
    { key: "dueSoon", label: `Due within ${p.sla.dueSoonDays} days`, value: p.sla.totals.dueSoon, href: "#sla" },
    { key: "excepted", label: "Excepted", value: p.sla.totals.excepted, href: "#sla-excepted" },
    { key: "newCriticalHigh", label: "New critical/high", value: since(p.since.newCriticalHigh.count), href: p.since.newCriticalHigh.href, detail: unobserved ?? undefined },
    { key: "fixed", label: "Fixed", value: since(p.since.fixed.count), href: p.since.fixed.href, detail: unobserved ?? (removed ? `remediated; ${removed.count} more closed as the resource went away` : undefined) },
    { key: "reopened", label: "Reopened", value: since(p.since.reopened.count), href: p.since.reopened.href, detail: unobserved ?? undefined },
  ];
}
