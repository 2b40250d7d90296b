// Freezing a meeting: the full computed review is stored once per meeting date and never
// recomputed, so the meeting can be reopened exactly as it was.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isDay, type Day } from "@/lib/review/day";
import { MeetingDateError } from "@/lib/review/meeting";
import { computeReview } from "@/lib/queries/review/compute-review";
import type { ReviewPayload } from "@/lib/queries/review/review-types";
import { seesWholeOrg, type Scope } from "@/lib/queries/scope";
import type { FieldIssue } from "@/lib/review/exception-input";

export type FreezeResult = { ok: true; meetingDate: Day; frozenAt: string; payload: ReviewPayload } | { ok: false; status: 400 | 403 | 409; issues: FieldIssue[] };

export async function freezeReview(scope: Scope, input: unknown, now = new Date()): Promise<FreezeResult> {
  const parsed = z.string().refine(isDay).safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: [{ field: "meetingDate", message: "expected a date as YYYY-MM-DD" }] };
  const meetingDate: Day = parsed.data;
  // The frozen record is the organization's review, so only a viewer who sees all of it may freeze it.
  if (!seesWholeOrg(scope)) return { ok: false, status: 403, issues: [{ field: "meetingDate", message: "only a viewer of the whole organization can freeze its review" }] };
  let payload: ReviewPayload;
  try {
    payload = await computeReview(scope, { meetingDate, now });
  } catch (e) {
    if (e instanceof MeetingDateError) return { ok: false, status: 400, issues: [{ field: "meetingDate", message: e.message }] };
    throw e;
  }
  const r = await db().pool.query<{ created_at: Date }>(
    `INSERT INTO reviews (meeting_date, created_at, payload) VALUES ($1::date, $2, $3::jsonb)
     ON CONFLICT (meeting_date) DO NOTHING RETURNING created_at`,
    [meetingDate, now, JSON.stringify(payload)],
  );
  if (!r.rowCount) return { ok: false, status: 409, issues: [{ field: "meetingDate", message: `the review of ${meetingDate} is already frozen` }] };
  return { ok: true, meetingDate, frozenAt: r.rows[0].created_at.toISOString(), payload };
}
