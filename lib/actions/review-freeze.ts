// Freezing a meeting: the full computed review is stored once per meeting date (version 1) with
// its content hash and author, and never recomputed, so the meeting can be reopened exactly as it
// was. Only today's meeting, or one within the grace, can be frozen (lib/review/meeting.ts).
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isDay, type Day, DAY_EXPECTED } from "@/lib/review/day";
import { freezeRefusal } from "@/lib/review/meeting";
import { computeReview } from "@/lib/queries/review/compute-review";
import type { ReviewPayload } from "@/lib/queries/review/review-types";
import { seesWholeOrg } from "@/lib/queries/scope";
import type { FieldIssue } from "@/lib/review/exception-input";
import { insertReviewVersion } from "./review-store";
import { reviewInUseModes } from "@/lib/review/review-params";

export type FreezeResult =
  | { ok: true; meetingDate: Day; version: number; frozenAt: string; contentHash: string; payload: ReviewPayload }
  | { ok: false; status: 400 | 403 | 404 | 409; issues: FieldIssue[] };

const refuse = (status: 400 | 403 | 404 | 409, field: string, message: string): FreezeResult => ({ ok: false, status, issues: [{ field, message }] });

export const meetingDateSchema = z.string().refine(isDay);
const freezeSchema = z.object({ meetingDate: z.unknown(), inUse: z.enum(reviewInUseModes).optional() });

/** `input`: the meeting date, or `{ meetingDate, inUse }` to freeze with an in-use choice (default "only"). */
export async function freezeReview(actor: Actor, input: unknown, now = new Date(), graceHours = env().INSPECTORATE_REVIEW_FREEZE_GRACE_HOURS): Promise<FreezeResult> {
  const choice = freezeSchema.safeParse(typeof input === "object" && input !== null ? input : { meetingDate: input });
  if (!choice.success) return refuse(400, "inUse", "expected only or all");
  const parsed = meetingDateSchema.safeParse(choice.data.meetingDate);
  if (!parsed.success) return refuse(400, "meetingDate", DAY_EXPECTED);
  const meetingDate: Day = parsed.data;
  // The frozen record is the organization's review, so only a viewer who sees all of it may freeze it.
  if (!seesWholeOrg(actor.scope)) return refuse(403, "meetingDate", "only a viewer of the whole organization can freeze its review");
  const refusal = freezeRefusal(meetingDate, now, graceHours);
  if (refusal) return refuse(400, "meetingDate", refusal);
  // Computed on the read database (the figures the meeting's pages show); stored on the primary.
  const payload = await computeReview(actor.scope, { meetingDate, now, inUse: choice.data.inUse });
  const stored = await insertReviewVersion(db().pool, { meetingDate, version: 1, payload, author: actor, reason: null, at: now });
  if (!stored) return refuse(409, "meetingDate", `the review of ${meetingDate} is already frozen; correct it with a reason instead`);
  return { ok: true, meetingDate, version: 1, frozenAt: stored.createdAt, contentHash: stored.contentHash, payload };
}
