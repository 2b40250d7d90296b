// The SQL twin of lib/review/exceptions.ts: valid at `asOf` through the whole UTC day of its
// expiry, and covering a finding by ARN or by CVE on the listed resources (none = all).
import { startOfUtcDay } from "@/lib/review/day";
import { Prisma } from "@/lib/queries/sql";

/** Valid also means approved (four-eyes approval leaves approved_at null until someone else approves). */
export function exceptionValidSql(e: Prisma.Sql, asOf: Date): Prisma.Sql {
  return Prisma.sql`(${e}.created_at <= ${asOf} AND ${e}.approved_at IS NOT NULL AND (${e}.revoked_at IS NULL OR ${e}.revoked_at > ${asOf})
    AND ${e}.expires_at >= ${startOfUtcDay(asOf)})`;
}

export function exceptionCoversSql(e: Prisma.Sql, f: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${e}.finding_arn IS NOT NULL THEN ${e}.finding_arn = ${f}.arn
    ELSE ${e}.vulnerability_id = ${f}.vulnerability_id
      AND (cardinality(${e}.resource_ids) = 0 OR ${f}.resource_id = ANY(${e}.resource_ids)) END)`;
}

