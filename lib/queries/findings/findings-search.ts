// The explorer's page of findings: keyset paging over the sort's segments (findings-sort.ts),
// reading the next segment only when the current one runs out.
import { Prisma, queryOneSerial, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { decodeCursor, encodeCursor } from "./findings-cursor";
import type { ResolvedFilter } from "./resource-match";
import { afterCursor, cursorValue, orderBy, sortSegments, splitBranches, type SortSegment } from "./findings-sort";
import { findingsSetParts, findingsWhere, type FindingsPart } from "./findings-where";
import { kevStateSql } from "@/lib/queries/kev/kev-sql";
import { findingKeyParts } from "./finding-key-sql";
import { statusInSql } from "@/lib/queries/lifecycle-sql";
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import { ceilingSql, packageSortCeilings, type SegmentBound } from "./package-sort-ceiling";
import type { BucketColumn } from "./sort-buckets";

export interface FindingRow {
  arn: string;
  /** findings.id: the keyset tie-breaker (int8 as decimal text). */
  id: string;
  account_id: string;
  account_name: string | null;
  region: string;
  type: string;
  title: string;
  severity: string;
  status: string;
  inspector_score: number | null;
  epss_score: number | null;
  /** YES, NO or null (not applicable). */
  exploit_available: string | null;
  fix_available: string | null;
  vulnerability_id: string | null;
  package_names: string[];
  resource_type: string;
  resource_id: string;
  resource_name: string | null;
  first_observed_at: Date;
  last_observed_at: Date;
  closed_at: Date | null;
  /** CISA KEV: YES, NO, or null = unknown (details never fetched). */
  kev: "YES" | "NO" | null;
}

export interface FindingsPage<Row = FindingRow> {
  rows: Row[];
  nextCursor: string | null;
  page: number;
}

export const findingRowColumns = Prisma.sql`f.arn, f.id, f.account_id, a.name AS account_name, f.region, f.type, f.title, f.severity,
  f.status, f.inspector_score, f.epss_score, f.exploit_available, f.fix_available, f.vulnerability_id, f.package_names,
  f.resource_type, f.resource_id, f.resource_name, f.first_observed_at, f.last_observed_at, f.closed_at, ${kevStateSql("f")} AS kev`;

export interface SearchOptions {
  /** Few rows match (the caller knows from the capped count): walking the sort index could pass
   *  hundreds of thousands of rows whose matches all sit at its far end (e.g. a low-scored
   *  package), so the walk gets a budget (walkBudget) and, when it does not fill the page, the
   *  matches are read first and sorted. Otherwise the index walk wins. */
  filterFirst?: boolean;
  /** With filterFirst: how many findings match (the count). A walk with a budget is tried first when
   *  the matches, spread evenly through the open findings of the walked index, would fill the page
   *  within half the budget. */
  matches?: number;
  /** The budgeted walk's entries (walkBudget); tests set it to take either path. */
  walkBudget?: number;
}

/** The ids of a page walked in a segment's order: the step that reads no heap row when the sort's
 *  index carries every column `conditions` tests (the sort indexes end in the id). */
export function pageKeysSql(conditions: Prisma.Sql, segment: SortSegment, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT f.id FROM findings f WHERE ${conditions} ORDER BY ${orderBy(segment)} LIMIT ${limit}`;
}

/** How many entries of the sort's index a walk passes before it gives the page up to the filter-first
 *  read (~10 ms when the index carries the filtered columns). */
export const walkBudget = 10_000;

/** The same page keys from a walk that passes at most `budget` entries of the index `range` selects
 *  (its equality prefix, segment and keyset), testing `filter` on each as a column rather than a
 *  condition, so the LIMIT counts entries passed, not matches. Fewer than `limit` ids back: the
 *  walk ran out of budget or of matches, and the caller cannot tell which. */
export function budgetedPageKeysSql(range: Prisma.Sql, filter: Prisma.Sql, segment: SortSegment, limit: number, budget = walkBudget): Prisma.Sql {
  const sortKey = segment.column ? Prisma.raw(`, f.${segment.column}`) : Prisma.empty;
  return Prisma.sql`SELECT f.id FROM (SELECT f.id${sortKey}, (${filter}) AS hit FROM findings f WHERE ${range}
    ORDER BY ${orderBy(segment)} LIMIT ${budget}) f WHERE f.hit ORDER BY ${orderBy(segment)} LIMIT ${limit}`;
}

/** `columns` must include arn, id, inspector_score, epss_score and first_observed_at (the keyset). */
export async function searchFindings<Row extends FindingRow = FindingRow>(
  scope: Scope,
  filter: ResolvedFilter,
  columns = findingRowColumns,
  options: SearchOptions = {},
): Promise<FindingsPage<Row>> {
  const segments = sortSegments(filter.sort, filter.severity);
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const where = findingsWhere(scope, filter);
  const source: FindingsPart = { from: Prisma.sql`findings f`, where };
  const rows: Row[] = [];
  let last: { segment: number; row: Row } | undefined;
  // One row more than the page tells whether a next page exists.
  const want = filter.limit + 1;
  // Decided once for the page (a later segment's smaller limit only needs fewer entries).
  const budget = options.walkBudget ?? walkBudget;
  const range = options.filterFirst ? await walkRange(filter, want, options.matches, budget) : undefined;
  // A package's walk in score or EPSS order starts at the package's highest value (package-sort-ceiling.ts).
  // A segment it shows to be empty is skipped.
  const bounds: Partial<Record<BucketColumn, Promise<Map<string, SegmentBound> | undefined>>> = {};
  const boundOf = (column: BucketColumn, seg: SortSegment) => (bounds[column] ??= packageSortCeilings(scope, filter, column)).then((b) => b?.get(seg.severity ?? "*"));
  for (let i = cursor?.segment ?? 0; i < segments.length && rows.length < want; i++) {
    const seg = segments[i];
    let keyset = cursor && i === cursor.segment ? afterCursor(seg, cursor) : Prisma.sql`TRUE`;
    if (!options.filterFirst && (seg.column === "inspector_score" || seg.column === "epss_score")) {
      const bound = await boundOf(seg.column, seg);
      if (bound?.ceiling === null) continue;
      if (bound) keyset = Prisma.sql`${keyset} AND ${ceilingSql(seg.column, bound.ceiling)}`;
    }
    if (!options.filterFirst && seg.unvaluedOf && (await boundOf(seg.unvaluedOf, seg))?.unvalued === false) continue;
    const limit = want - rows.length;
    const conditions = (branch: Prisma.Sql) => Prisma.sql`${where} AND ${branch} AND ${seg.where} AND ${keyset}`;
    // The matches' ids and sort key only: an index that carries the filtered columns answers it alone.
    const sortKey = seg.column ? Prisma.raw(`, f.${seg.column}`) : Prisma.empty;
    const matches = (branch: Prisma.Sql, part: FindingsPart) => Prisma.sql`SELECT f.id${sortKey} FROM ${part.from}
        WHERE ${part.where} AND ${branch} AND ${seg.where} AND ${keyset}`;
    // An index walk finds the page's keys first, then their rows are read by primary key. The walk
    // then reads only the sort's index when that index carries every filtered column (the score
    // index's INCLUDE list), instead of a heap row per finding it passes.
    const rowsOf = (pageKeys: Prisma.Sql) => Prisma.sql`(SELECT ${columns} FROM (${pageKeys}) page
        JOIN findings f ON f.id = page.id LEFT JOIN accounts a ON a.id = f.account_id ORDER BY ${orderBy(seg)} LIMIT ${limit})`;
    const walked = (branch: Prisma.Sql) => rowsOf(pageKeysSql(conditions(branch), seg, limit));
    // Filter first: every match's id and sort key, sorted, and the page's rows read back by id.
    // OFFSET 0 keeps the planner from pushing the ORDER BY/LIMIT into an index walk.
    const filtered = (branch: Prisma.Sql, part = source) => rowsOf(Prisma.sql`SELECT f.id FROM (${matches(branch, part)} OFFSET 0) f
        ORDER BY ${orderBy(seg)} LIMIT ${limit}`);
    const keyParts = filter.cve ? findingKeyParts("f", filter.cve) : [{ where: Prisma.sql`TRUE`, ordered: true }];
    // Filter first: the filter's whole set read as the count reads it (a package's in two parts).
    const branches = options.filterFirst
      ? findingsSetParts(scope, filter).map((part) => filtered(Prisma.sql`TRUE`, part))
      : splitBranches(filter.status, filter.severity).flatMap((branch) => keyParts.map((part) => part.ordered
        ? walked(Prisma.sql`${branch} AND ${part.where}`)
        : filtered(Prisma.sql`${branch} AND ${part.where}`)));
    const merged = branches.length === 1 ? branches[0] : Prisma.sql`SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) f ORDER BY ${orderBy(seg)} LIMIT ${limit}`;
    // Few matches (the caller's count) may still be spread through the sort's order: a walk with a
    // budget finds their first page in a few ms where reading every match first took hundreds
    // (severity=HIGH&ageMin=385 at 1M: 3,638 matches among 180,000 HIGH entries). It answers only
    // when it fills the page; one ordered index (one status, at most one severity, no CVE) keeps
    // that answer exact. Rare matches skip it: a walk that fails costs its budget in index
    // entries, and a heap row each when the index does not carry the filtered columns (a resource's
    // or an account's few findings at 10M: 0.5 s cold).
    const tried = range ? await queryRows<Row>(rowsOf(budgetedPageKeysSql(Prisma.sql`${range} AND ${seg.where} AND ${keyset}`, where, seg, limit, budget))) : [];
    const batch = tried.length === limit ? tried : await queryRows<Row>(merged);
    for (const row of batch) {
      rows.push(row);
      if (rows.length <= filter.limit) last = { segment: i, row };
    }
  }
  const hasMore = rows.length > filter.limit;
  const page = cursor?.page ?? 1;
  const nextCursor =
    hasMore && last
      ? encodeCursor({ sort: filter.sort, segment: last.segment, value: cursorValue(segments[last.segment], last.row), id: String(last.row.id), page: page + 1 })
      : null;
  return { rows: rows.slice(0, filter.limit), nextCursor, page };
}

/** The equality prefix of the one sort index a filter-first page's budgeted walk reads, or none:
 *  when the filter spans several statuses or severities (merged walks) or a CVE (its own index),
 *  when it is not the open findings (whose index ranges the rollups size), or when `matches` spread
 *  evenly over the range would need more than half the budget to fill the page. */
export async function walkRange(filter: ResolvedFilter, limit: number, matches: number | undefined, budget: number): Promise<Prisma.Sql | undefined> {
  if (matches === undefined || matches === 0 || filter.status.length !== 1 || filter.status[0] !== OPEN_STATUS) return undefined;
  if (filter.severity.length > 1 || filter.cve) return undefined;
  const severity = filter.severity.length ? Prisma.sql` AND f.severity = ${filter.severity[0]}` : Prisma.empty;
  const [range] = await queryRows<{ n: number | null }>(Prisma.sql`SELECT sum(f.findings)::int AS n FROM open_rollups_by_region_type f WHERE TRUE${severity}`);
  if ((limit * (range?.n ?? 0)) / matches > budget / 2) return undefined;
  return Prisma.sql`${statusInSql("f", filter.status)}${severity}`;
}

/** Counting stops past the cap: "10,000+" is all a reader needs, and a full count of a broad
 *  filter would cost more than the page itself. */
export const countCap = 10_000;

export async function countFindings(scope: Scope, filter: ResolvedFilter, cap = countCap): Promise<{ count: number; capped: boolean }> {
  const row = await queryOneSerial<{ n: number }>(countSql(scope, filter, cap));
  const n = row?.n ?? 0;
  return { count: Math.min(n, cap), capped: n > cap };
}

/** The capped count's statement: each disjoint part of the filter's set (findingsSetParts) counted
 *  up to the cap on its own index, then summed. */
export function countSql(scope: Scope, filter: ResolvedFilter, cap = countCap): Prisma.Sql {
  const capped = (part: FindingsPart) => Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM ${part.from} WHERE ${part.where}
    ${part.order ? Prisma.sql`ORDER BY ${part.order}` : Prisma.empty} LIMIT ${cap + 1}) capped)`;
  return Prisma.sql`SELECT (${Prisma.join(findingsSetParts(scope, filter).map(capped), " + ")})::int AS n`;
}
