// Risk exceptions have day granularity in UTC: an exception is valid through the whole UTC day
// of its expiry, so one expiring ON the meeting day is still valid at that meeting and listed as
// expiring; the next meeting sees it expired and its findings back in the SLA count.
import { addDaysToDay, dayEnd, toDay, type Day } from "./day";

export interface ExceptionLike {
  findingArn: string | null;
  /** A finding key (vulnerability id as the cache spells it, code rule, port range). */
  vulnerabilityId: string | null;
  /** Aliases of the vulnerability the cache knew when the exception was made. */
  aliases?: string[];
  /** Empty means every resource the vulnerability hits. */
  resourceIds: string[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type ExceptionStatus = "active" | "expiring" | "expired" | "revoked" | "not-yet-created";

/** Expiring = runs out before the next weekly meeting (the meeting day itself included). */
export const EXPIRING_WITHIN_DAYS = 7;

/** The instant stored for an expiry chosen as a calendar day: the end of that UTC day. */
export function expiryInstant(day: Day): Date {
  return dayEnd(day);
}

export function expiryDay(ex: Pick<ExceptionLike, "expiresAt">): Day {
  return toDay(ex.expiresAt);
}

export function isExceptionValid(ex: ExceptionLike, asOf: Date): boolean {
  const s = exceptionStatus(ex, asOf);
  return s === "active" || s === "expiring";
}

export function exceptionStatus(ex: ExceptionLike, asOf: Date, expiringWithinDays = EXPIRING_WITHIN_DAYS): ExceptionStatus {
  if (ex.createdAt.getTime() > asOf.getTime()) return "not-yet-created";
  if (ex.revokedAt && ex.revokedAt.getTime() <= asOf.getTime()) return "revoked";
  const today = toDay(asOf);
  const expires = expiryDay(ex);
  if (expires < today) return "expired";
  if (expires < addDaysToDay(today, expiringWithinDays)) return "expiring";
  return "active";
}

/** Does the exception cover this finding: by its ARN, or by its key or an alias (both ways) on the
 *  listed resources, any of the finding's resources counting. The SQL twin is exception-sql.ts. */
export function exceptionCovers(
  ex: Pick<ExceptionLike, "findingArn" | "vulnerabilityId" | "resourceIds" | "aliases">,
  f: { arn: string; findingKey: string; relatedVulnerabilities?: string[]; resourceIds: string[] },
): boolean {
  if (ex.findingArn) return ex.findingArn === f.arn;
  if (!ex.vulnerabilityId) return false;
  const ids = new Set([ex.vulnerabilityId, ...(ex.aliases ?? [])]);
  if (!ids.has(f.findingKey) && !(f.relatedVulnerabilities ?? []).some((r) => ids.has(r))) return false;
  return ex.resourceIds.length === 0 || f.resourceIds.some((r) => ex.resourceIds.includes(r));
}
