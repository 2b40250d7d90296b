// A live (not frozen) review, computed once per question and shared by every viewer until what it
// reads changes: at 1M findings over 1,000 accounts its sections took 2-10 s each (trends 7 s, SLA
// 5 s, since the last review 2 s on this VM), for each of a meeting's attendees. What it reads: the
// cache (the sync runs and cache_data_version, as the overview's memo), risk exceptions (recorded,
// approved, revoked) and frozen reviews (a newly frozen previous meeting moves "since the last
// review"). Past the TTL with nothing changed, "now" has moved on: the next viewer gets the answer
// once more, with its own "as of", while the next one computes every section behind it.
import { Prisma, queryOne } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { createVersionMemo, sharedInFlight, sharedVersion, type VersionMemo } from "@/lib/queries/posture/sync-version";
import { reviewContext, reviewSections, type ReviewContext, type ReviewRequest } from "./compute-review";
import type { ReviewPayload } from "./review-types";
import type { ReviewParams } from "@/lib/review/review-params";

export type LiveSectionKey = keyof typeof reviewSections;
const sectionKeys = Object.keys(reviewSections) as LiveSectionKey[];

export interface LiveReview {
  context: ReviewContext;
  section<K extends LiveSectionKey>(key: K): Promise<ReviewPayload[K]>;
}

/** Risk exceptions only ever gain rows, approvals and revocations; reviews only gain versions. */
export async function reviewInputsVersion(): Promise<string> {
  const [data, own] = await Promise.all([
    sharedVersion(),
    queryOne<{ v: string }>(Prisma.sql`
      SELECT (SELECT count(*) || ':' || count(approved_at) || ':' || count(revoked_at) || ':' || coalesce(max(id), 0) FROM risk_exceptions)
        || '/' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM reviews) AS v`),
  ]);
  return `${data}/${own?.v ?? ""}`;
}

const holder = globalThis as { __inspectorateReviewMemo?: VersionMemo };
const reviewMemo = (): VersionMemo => (holder.__inspectorateReviewMemo ??= createVersionMemo(sharedInFlight(reviewInputsVersion), 120_000, 32));

/** Sections start when first asked for and are shared; one that failed is computed again when next asked for. */
function liveSections(context: ReviewContext): LiveReview {
  const started = new Map<LiveSectionKey, Promise<unknown>>();
  return {
    context,
    section<K extends LiveSectionKey>(key: K) {
      let p = started.get(key);
      if (!p) {
        const value = reviewSections[key](context) as Promise<unknown>;
        started.set(key, value);
        value.catch(() => started.get(key) === value && started.delete(key));
        p = value;
      }
      return p as Promise<ReviewPayload[K]>;
    },
  };
}

export type LiveReviewRequest = Omit<ReviewRequest, "now" | "asOf" | "policy">;

/** The question a review page's params ask: one shape (and key) for the page and the warmer. */
export const liveReviewRequest = (p: Pick<ReviewParams, "date" | "group" | "value" | "weeks" | "inUse">): LiveReviewRequest =>
  ({ meetingDate: p.date, group: { kind: p.group, value: p.value }, weeks: p.weeks, inUse: p.inUse });

/** Computes every section of a live review now, one after another, each after `before` (the warmer's
 *  wait for a quiet moment), so that its first viewer does not wait for them. A viewer arriving
 *  meanwhile starts the sections not yet begun and shares the one running. */
export async function warmLiveReview(scope: Scope, req: LiveReviewRequest, before: () => Promise<unknown> = async () => {}): Promise<void> {
  const live = await liveReview(scope, req);
  for (const k of sectionKeys) {
    await before();
    await live.section(k);
  }
}

export function liveReview(scope: Scope, req: LiveReviewRequest): Promise<LiveReview> {
  const compute = async () => liveSections(await reviewContext(scope, req));
  // A refresh answers once every section is ready, so no viewer after it waits for a cold one. Viewers
  // keep the previous answer meanwhile, so its sections run one after another: all at once, they were
  // six to eight statements over the findings at a time, both cores for ~12 s at 1M (as the warmer was).
  const refresh = async () => {
    const live = await compute();
    for (const k of sectionKeys) await live.section(k);
    return live;
  };
  return reviewMemo().get(`review:${JSON.stringify([scope, req])}`, compute, refresh);
}
