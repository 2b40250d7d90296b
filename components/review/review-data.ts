// Per-request loading for the review page: each section's loader asks for its part, the
// frozen record or the live context is fetched once and shared (React cache).
import { cache } from "react";
import { liveReview, liveReviewRequest, type LiveSectionKey } from "@/lib/queries/review/live-review";
import { frozenReview } from "@/lib/queries/review/frozen-reviews";
import { groupOptions, reviewAccounts } from "@/lib/queries/review/review-accounts";
import type { ReviewPayload } from "@/lib/queries/review/review-types";
import { scopeForRequest, seesWholeOrg } from "@/lib/queries/scope";
import type { ReviewParams } from "@/lib/review/review-params";

export type SectionKey = LiveSectionKey;
export type PageParams = Pick<ReviewParams, "date" | "group" | "value" | "weeks" | "version" | "inUse" | "accounts" | "slaFindings">;

/** The in-use choice is part of the key: "only" and "all" are different reviews. */
export const paramsKey = (p: PageParams) => JSON.stringify([p.date, p.group, p.value ?? null, p.weeks, p.version ?? null, p.inUse]);
const fromKey = (key: string): PageParams => {
  const [date, group, value, weeks, version, inUse] = JSON.parse(key);
  return { date, group, value: value ?? undefined, weeks, version: version ?? undefined, inUse };
};

/** The frozen record when frozenReview serves one (organization view), else the live review, shared
 *  by every viewer asking the same question until its data changes (live-review.ts). */
export const reviewSource = cache(async (key: string) => {
  const p = fromKey(key);
  const scope = await scopeForRequest();
  const frozen = await frozenReview(scope, p.date, p.group, p.version);
  if (frozen) return { frozen, live: null };
  const live = await liveReview(scope, liveReviewRequest(p));
  return { frozen: null, live };
});

export const reviewSection = cache(async <K extends SectionKey>(key: string, section: K): Promise<ReviewPayload[K]> => {
  const src = await reviewSource(key);
  if (src.frozen) return src.frozen.payload[section];
  return src.live!.section(section);
});

export async function reviewMeta(key: string) {
  const src = await reviewSource(key);
  if (!src.frozen) return { meta: src.live!.context.meta, headline: undefined, frozenAt: null, frozen: null };
  const { payload, ...frozen } = src.frozen;
  return { meta: payload.meta, headline: payload.headline, frozenAt: src.frozen.frozenAt, frozen };
}

/** OUs, owners and accounts for the group picker. */
export const reviewChoices = cache(async () => {
  const scope = await scopeForRequest();
  return groupOptions(await reviewAccounts(scope), seesWholeOrg(scope));
});
