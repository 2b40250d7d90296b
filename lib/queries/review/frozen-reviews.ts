// Frozen reviews: one row per meeting date holding the full computed review, reopened exactly
// as the meeting saw it. A frozen review covers the whole organization, so it is served only
// for the organization view and only to a viewer whose scope is the whole organization.
import type { Day } from "@/lib/review/day";
import type { ReviewParams } from "@/lib/review/review-params";
import { inScope, seesWholeOrg, type Scope } from "@/lib/queries/scope";
import { Prisma, queryOne, queryRows } from "@/lib/queries/sql";
import type { ReviewPayload } from "./review-types";

export interface FrozenReview {
  meetingDate: Day;
  frozenAt: string;
  payload: ReviewPayload;
}

export async function frozenReview(scope: Scope, meetingDate: Day, group: ReviewParams["group"] = "org"): Promise<FrozenReview | null> {
  if (group !== "org" || !seesWholeOrg(scope)) return null;
  const row = await queryOne<{ meetingDate: string; frozenAt: Date; payload: ReviewPayload }>(Prisma.sql`
    SELECT to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", created_at AS "frozenAt", payload
    FROM reviews WHERE meeting_date = ${meetingDate}::date`);
  return row ? { ...row, frozenAt: row.frozenAt.toISOString() } : null;
}

/** Meeting dates with a frozen review, newest first, for the date picker. */
export async function frozenReviewDates(scope: Scope, limit = 52): Promise<{ meetingDate: Day; frozenAt: string }[]> {
  if (!seesWholeOrg(scope)) return [];
  const rows = await queryRows<{ meetingDate: string; frozenAt: Date }>(Prisma.sql`
    SELECT to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", created_at AS "frozenAt"
    FROM reviews ORDER BY meeting_date DESC LIMIT ${limit}`);
  return rows.map((r) => ({ meetingDate: r.meetingDate, frozenAt: r.frozenAt.toISOString() }));
}

/** The last frozen review before a meeting: where "since the last review" starts. */
/** Its dark accounts are narrowed to the viewer's scope; its as-of time bounds every viewer's window. */
export async function previousFrozenReview(scope: Scope, meetingDate: Day): Promise<{ meetingDate: Day; asOf: Date; darkNow: string[] } | null> {
  const row = await queryOne<{ meetingDate: string; asOf: string; darkNow: string[] | null }>(Prisma.sql`
    SELECT to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", payload->'meta'->>'asOf' AS "asOf",
      payload->'since'->'darkNow' AS "darkNow"
    FROM reviews WHERE meeting_date < ${meetingDate}::date ORDER BY meeting_date DESC LIMIT 1`);
  if (!row) return null;
  const visible = (id: string) => inScope(scope, id);
  return { meetingDate: row.meetingDate, asOf: new Date(row.asOf), darkNow: (row.darkNow ?? []).filter(visible) };
}
