// Correcting a frozen review: never an overwrite. The review is computed again for the same
// as-of instant the meeting used and stored as the next version with the author and a reason;
// every earlier version stays readable.
import { DAY_EXPECTED } from "@/lib/review/day";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { computeReview } from "@/lib/queries/review/compute-review";
import { frozenReview } from "@/lib/queries/review/frozen-reviews";
import { seesWholeOrg } from "@/lib/queries/scope";
import { meetingDateSchema, type FreezeResult } from "./review-freeze";
import { insertReviewVersion } from "./review-store";
import { recordedInUse } from "@/lib/review/review-in-use";

const correctionSchema = z.object({
  meetingDate: meetingDateSchema,
  reason: z.string().trim().min(10, "say why in at least 10 characters").max(1000, "at most 1000 characters"),
});

export async function correctReview(actor: Actor, input: unknown, now = new Date()): Promise<FreezeResult> {
  const parsed = correctionSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const field = String(i.path[0] ?? "body");
    return { ok: false, status: 400, issues: [{ field, message: field === "meetingDate" ? DAY_EXPECTED : i.message }] };
  }
  const { meetingDate, reason } = parsed.data;
  if (!seesWholeOrg(actor.scope)) return { ok: false, status: 403, issues: [{ field: "meetingDate", message: "only a viewer of the whole organization can correct its review" }] };
  const current = await frozenReview(actor.scope, meetingDate);
  if (!current) return { ok: false, status: 404, issues: [{ field: "meetingDate", message: `the review of ${meetingDate} was never frozen, so there is nothing to correct` }] };
  // Same as-of and the same in-use choice as the record it corrects (older records counted every image).
  const payload = await computeReview(actor.scope, { meetingDate, now, asOf: new Date(current.payload.meta.asOf), inUse: recordedInUse(current.payload.meta).mode });
  const version = current.version + 1;
  const stored = await insertReviewVersion(db().pool, { meetingDate, version, payload, author: actor, reason, at: now });
  if (!stored) return { ok: false, status: 409, issues: [{ field: "meetingDate", message: `version ${version} of the review of ${meetingDate} was just saved by someone else` }] };
  return { ok: true, meetingDate, version, frozenAt: current.frozenAt, contentHash: stored.contentHash, payload };
}
