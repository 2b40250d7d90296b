// Frozen reviews: one row per meeting date holding the full computed review, reopened exactly
// as the meeting saw it.
import type { Day } from "@/lib/review/day";
import { Prisma, queryOne, queryRows } from "@/lib/queries/sql";
import type { ReviewPayload } from "./review-types";

export interface FrozenReview {
  meetingDate: Day;
  frozenAt: string;
  payload: ReviewPayload;
}

export async function frozenReview(meetingDate: Day): Promise<FrozenReview | null> {
  const row = await queryOne<{ meetingDate: string; frozenAt: Date; payload: ReviewPayload }>(Prisma.sql`
    SELECT to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", created_at AS "frozenAt", payload
    FROM reviews WHERE meeting_date = ${meetingDate}::date`);
  return row ? { ...row, frozenAt: row.frozenAt.toISOString() } : null;
}

/** Meeting dates with a frozen review, newest first, for the date picker. */
export async function frozenReviewDates(limit = 52): Promise<{ meetingDate: Day; frozenAt: string }[]> {
  const rows = await queryRows<{ meetingDate: string; frozenAt: Date }>(Prisma.sql`
    SELECT to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", created_at AS "frozenAt"
    FROM reviews ORDER BY meeting_date DESC LIMIT ${limit}`);
  return rows.map((r) => ({ meetingDate: r.meetingDate, frozenAt: r.frozenAt.toISOString() }));
}

/** The last frozen review before a meeting: where "since the last review" starts. */
export async function previousFrozenReview(meetingDate: Day): Promise<{ meetingDate: Day; asOf: Date; darkNow: string[] } | null> {
  const row = await queryOne<{ meetingDate: string; asOf: string; darkNow: string[] | null }>(Prisma.sql`
    SELECT to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", payload->'meta'->>'asOf' AS "asOf",
      payload->'since'->'darkNow' AS "darkNow"
    FROM reviews WHERE meeting_date < ${meetingDate}::date ORDER BY meeting_date DESC LIMIT 1`);
  return row ? { meetingDate: row.meetingDate, asOf: new Date(row.asOf), darkNow: row.darkNow ?? [] } : null;
}
