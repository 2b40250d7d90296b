// Frozen reviews: per meeting date, version 1 is what the meeting saw and each correction is the
// next version (with a reason); the newest is shown unless a version is asked for. Every version
// keeps its content hash, checked again on read. A frozen review covers the whole organization,
// so it is served only for the organization view and only to a viewer who sees all of it.
// Read on the primary: the page shows a review right after freezing or correcting it.
import type { Day } from "@/lib/review/day";
import { contentHash } from "@/lib/review/content-hash";
import type { ReviewParams } from "@/lib/review/review-params";
import { inScope, seesWholeOrg, type Scope } from "@/lib/queries/scope";
import { Prisma, queryOne, queryRows } from "@/lib/queries/sql";
import type { ReviewPayload } from "./review-types";

export interface ReviewVersionInfo {
  version: number;
  createdAt: string;
  author: string | null;
  reason: string | null;
  contentHash: string | null;
}

export interface FrozenReview extends ReviewVersionInfo {
  meetingDate: Day;
  /** When version 1 was frozen: the meeting's record. */
  frozenAt: string;
  payload: ReviewPayload;
  /** The stored hash matches the payload as read back; null for a review frozen before hashes. */
  hashVerified: boolean | null;
  versions: ReviewVersionInfo[];
}

type Row = { version: number; createdAt: Date; author: string | null; reason: string | null; contentHash: string | null };
const info = (r: Row): ReviewVersionInfo => ({ version: r.version, createdAt: r.createdAt.toISOString(), author: r.author, reason: r.reason, contentHash: r.contentHash });

export async function frozenReview(scope: Scope, meetingDate: Day, group: ReviewParams["group"] = "org", version?: number): Promise<FrozenReview | null> {
  if (group !== "org" || !seesWholeOrg(scope)) return null;
  const versions = await queryRows<Row>(Prisma.sql`
    SELECT version, created_at AS "createdAt", author_name AS author, reason, content_hash AS "contentHash"
    FROM reviews WHERE meeting_date = ${meetingDate}::date ORDER BY version`, "primary");
  const shown = version ? versions.find((v) => v.version === version) : versions.at(-1);
  if (!shown) return null;
  const row = await queryOne<{ payload: ReviewPayload }>(Prisma.sql`
    SELECT payload FROM reviews WHERE meeting_date = ${meetingDate}::date AND version = ${shown.version}`, "primary");
  const payload = row!.payload;
  return {
    ...info(shown), meetingDate, payload, versions: versions.map(info),
    frozenAt: versions[0].createdAt.toISOString(),
    hashVerified: shown.contentHash ? contentHash(payload) === shown.contentHash : null,
  };
}

/** Meeting dates with a frozen review, newest first, for the date picker. */
export async function frozenReviewDates(scope: Scope, limit = 52): Promise<{ meetingDate: Day; frozenAt: string }[]> {
  if (!seesWholeOrg(scope)) return [];
  const rows = await queryRows<{ meetingDate: string; frozenAt: Date }>(Prisma.sql`
    SELECT to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", min(created_at) AS "frozenAt"
    FROM reviews GROUP BY meeting_date ORDER BY meeting_date DESC LIMIT ${limit}`, "primary");
  return rows.map((r) => ({ meetingDate: r.meetingDate, frozenAt: r.frozenAt.toISOString() }));
}

/** The last frozen review before a meeting (its newest version): where "since the last review" starts. */
/** Its dark accounts are narrowed to the viewer's scope; its as-of time bounds every viewer's window. */
export async function previousFrozenReview(scope: Scope, meetingDate: Day): Promise<{ meetingDate: Day; asOf: Date; darkNow: string[] } | null> {
  const row = await queryOne<{ meetingDate: string; asOf: string; darkNow: string[] | null }>(Prisma.sql`
    SELECT to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", payload->'meta'->>'asOf' AS "asOf",
      payload->'since'->'darkNow' AS "darkNow"
    FROM reviews WHERE meeting_date < ${meetingDate}::date ORDER BY meeting_date DESC, version DESC LIMIT 1`, "primary");
  if (!row) return null;
  const visible = (id: string) => inScope(scope, id);
  return { meetingDate: row.meetingDate, asOf: new Date(row.asOf), darkNow: (row.darkNow ?? []).filter(visible) };
}
