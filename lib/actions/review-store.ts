// Writes one version of a meeting's review: append-only (never updated or deleted), with its content
// hash and its author. Version 1 is the frozen record; each correction is the next version.
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import type { Day } from "@/lib/review/day";
import { contentHash } from "@/lib/review/content-hash";
import type { ReviewPayload } from "@/lib/queries/review/review-types";

export interface StoredVersion {
  version: number;
  createdAt: string;
  contentHash: string;
}

/** Inserts the version; null when that version of the meeting already exists. */
export async function insertReviewVersion(
  db: Pick<pg.Pool, "query">,
  v: { meetingDate: Day; version: number; payload: ReviewPayload; author: Actor; reason: string | null; at: Date },
): Promise<StoredVersion | null> {
  const hash = contentHash(v.payload);
  // One statement: the version and its audit row (review.frozen / review.corrected) commit together.
  const r = await db.query<{ created_at: Date }>(
    `WITH stored AS (
       INSERT INTO reviews (meeting_date, version, created_at, payload, content_hash, author_kind, author_id, author_name, reason)
       VALUES ($1::date, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)
       ON CONFLICT (meeting_date, version) DO NOTHING RETURNING created_at
     ), audit AS (
       INSERT INTO audit_events (at, actor_kind, actor_id, actor_name, action, target, detail)
       SELECT $3, $6, $7, $8, CASE WHEN $2::int = 1 THEN 'review.frozen' ELSE 'review.corrected' END, $1::text,
         jsonb_build_object('version', $2::int, 'contentHash', $5::text, 'reason', $9::text) FROM stored
     ) SELECT created_at FROM stored`,
    [v.meetingDate, v.version, v.at, JSON.stringify(v.payload), hash, v.author.kind, v.author.id, v.author.name, v.reason],
  );
  if (!r.rowCount) return null;
  return { version: v.version, createdAt: r.rows[0].created_at.toISOString(), contentHash: hash };
}
