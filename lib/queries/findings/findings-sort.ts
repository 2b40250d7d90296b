// Each sort is a list of segments read one after another, each ordered by one plain column plus
// findings.id, the tie-breaker the sort indexes end in (8 bytes where the ARN took ~85). Unscored findings become their own trailing segment instead of NULLS LAST, so every
// segment can walk an index and the keyset condition stays a simple row comparison.
import { severityOrder } from "@/lib/domain/severity";
import { Prisma } from "@/lib/queries/sql";
import type { FindingsCursor, FindingsSort } from "./findings-cursor";
import { statusInSql } from "@/lib/queries/lifecycle-sql";
import type { LifecycleStatus } from "@/lib/domain/lifecycle";

export interface SortSegment {
  where: Prisma.Sql;
  column?: "inspector_score" | "epss_score" | "first_observed_at";
  direction: "ASC" | "DESC";
  /** The one severity the segment holds (the severity sort's), which `where` tests. */
  severity?: string;
  /** The segment of the findings without this value (its `where` tests IS NULL). */
  unvaluedOf?: "inspector_score" | "epss_score";
}

const scored = (column: "inspector_score" | "epss_score", severity?: string): SortSegment[] => {
  const extra = severity ? Prisma.sql`f.severity = ${severity}` : Prisma.sql`TRUE`;
  return [
    { where: Prisma.sql`${extra} AND f.${Prisma.raw(column)} IS NOT NULL`, column, direction: "DESC", severity },
    { where: Prisma.sql`${extra} AND f.${Prisma.raw(column)} IS NULL`, direction: "ASC", severity, unvaluedOf: column },
  ];
};

/** Severity segments the filter excludes are left out: an empty segment can cost a full index walk. */
export function sortSegments(sort: FindingsSort, severities: readonly string[] = []): SortSegment[] {
  switch (sort) {
    case "score":
      return scored("inspector_score");
    case "epss":
      return scored("epss_score");
    case "age":
      return [{ where: Prisma.sql`TRUE`, column: "first_observed_at", direction: "ASC" }];
    case "severity":
      return severityOrder.filter((s) => !severities.length || severities.includes(s)).flatMap((s) => scored("inspector_score", s));
  }
}

/** Rows strictly after the cursor within its segment. */
export function afterCursor(segment: SortSegment, cursor: FindingsCursor): Prisma.Sql {
  if (!segment.column) return Prisma.sql`f.id > ${cursor.id}::bigint`;
  const col = Prisma.raw(`f.${segment.column}`);
  const value = segment.column === "first_observed_at" ? new Date(String(cursor.value)) : cursor.value;
  const cmp = Prisma.raw(segment.direction === "DESC" ? "<" : ">");
  return Prisma.sql`(${col} ${cmp} ${value} OR (${col} = ${value} AND f.id > ${cursor.id}::bigint))`;
}

export function orderBy(segment: SortSegment): Prisma.Sql {
  return segment.column ? Prisma.raw(`f.${segment.column} ${segment.direction}, f.id ASC`) : Prisma.raw("f.id ASC");
}

/** One branch per combination of several asked-for statuses and severities: each branch walks an
 *  index in order and a merge of the branches keeps the order (one "= ANY" would mean a full sort). */
export function splitBranches(status: readonly string[], severity: readonly string[]): Prisma.Sql[] {
  const statuses = status.length > 1 ? status : [undefined];
  const severities = severity.length > 1 ? severity : [undefined];
  return statuses.flatMap((st) =>
    severities.map((sev) => Prisma.sql`${st ? statusInSql("f", [st as LifecycleStatus]) : Prisma.sql`TRUE`} AND ${sev ? Prisma.sql`f.severity = ${sev}` : Prisma.sql`TRUE`}`),
  );
}

export function cursorValue(segment: SortSegment, row: { inspector_score: number | null; epss_score: number | null; first_observed_at: Date }): number | string | null {
  if (segment.column === "first_observed_at") return row.first_observed_at.toISOString();
  return segment.column ? row[segment.column] : null;
}
