// The review a meeting date shows: the frozen record when one exists (whole organization), else
// computed live — today's meeting as "live", an earlier one as a "reconstruction" from today's
// cache (it was never frozen, so it is not what that meeting saw). Page loaders, JSON, CSV and PDF
// all come through here.
import { toDay } from "@/lib/review/day";
import type { ReviewParams } from "@/lib/review/review-params";
import type { Scope } from "@/lib/queries/scope";
import { computeReview } from "./compute-review";
import { frozenReview, type FrozenReview } from "./frozen-reviews";
import type { ReviewPayload } from "./review-types";

export type ReviewKind = "frozen" | "live" | "reconstruction";

export interface LoadedReview {
  payload: ReviewPayload;
  kind: ReviewKind;
  /** When it was frozen; null for a live review or a reconstruction. */
  frozenAt: string | null;
  /** The shown version, its hash check and the list of versions, when frozen. */
  frozen: Omit<FrozenReview, "payload"> | null;
}

export const reviewKindFor = (meetingDate: string, now: Date): ReviewKind => (meetingDate === toDay(now) ? "live" : "reconstruction");

export async function loadReview(
  scope: Scope, params: Pick<ReviewParams, "date" | "group" | "value" | "weeks"> & { version?: number; inUse?: ReviewParams["inUse"] }, now = new Date(),
): Promise<LoadedReview> {
  const found = await frozenReview(scope, params.date, params.group, params.version);
  if (found) {
    const { payload, ...frozen } = found;
    return { payload, kind: "frozen", frozenAt: found.frozenAt, frozen };
  }
  const payload = await computeReview(scope, { meetingDate: params.date, group: { kind: params.group, value: params.value }, weeks: params.weeks, inUse: params.inUse, now });
  return { payload, kind: reviewKindFor(params.date, now), frozenAt: null, frozen: null };
}
