// The review a meeting date shows: the frozen record when one exists (whole organization),
// else computed live. Page loaders, JSON, CSV and PDF all come through here.
import type { ReviewParams } from "@/lib/review/review-params";
import type { Scope } from "@/lib/queries/scope";
import { computeReview } from "./compute-review";
import { frozenReview } from "./frozen-reviews";
import type { ReviewPayload } from "./review-types";

export interface LoadedReview {
  payload: ReviewPayload;
  /** When it was frozen; null for a live review. */
  frozenAt: string | null;
}

export async function loadReview(scope: Scope, params: Pick<ReviewParams, "date" | "group" | "value" | "weeks">, now = new Date()): Promise<LoadedReview> {
  const frozen = await frozenReview(scope, params.date, params.group);
  if (frozen) return { payload: frozen.payload, frozenAt: frozen.frozenAt };
  const payload = await computeReview(scope, { meetingDate: params.date, group: { kind: params.group, value: params.value }, weeks: params.weeks, now });
  return { payload, frozenAt: null };
}
