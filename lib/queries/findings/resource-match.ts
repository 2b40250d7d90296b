// The explorer's resource filter: a finding matches when any of its resources has the text as its id,
// or as a part of its id or name, in any case. Resolved in two steps: the matching first-resource ids
// (finding_resource_names, one row per distinct id and name) and the findings whose other resources
// match (finding_other_resources), then the findings read by those on their resource_id and arn
// indexes. When the text matches more resources than that is good for, the findings are tested
// against the text instead: so many match that an index walk meets them early.
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { FindingsFilter } from "./findings-filter";
import { containsPattern } from "@/lib/queries/like-pattern";

/** What the resource text resolved to; "broad": more than MATCH_CAP resources or findings. */
export type ResourceMatch = { ids: string[]; arns: string[] } | "broad";
export type ResolvedFilter = FindingsFilter & { resourceMatch?: ResourceMatch };

/** Up to this many ids go to the findings as one array (hashed by the planner); beyond it, "broad". */
export const MATCH_CAP = 10_000;

// Without a limit (the statement's own fallback) every match; with one, up to it.
const limited = (limit?: number) => (limit === undefined ? Prisma.empty : Prisma.sql` LIMIT ${limit}`);
const namesSql = (text: string, limit?: number) => Prisma.sql`SELECT DISTINCT n.resource_id AS v FROM finding_resource_names n
  WHERE n.resource_id = ${text} OR n.search LIKE lower(${containsPattern(text)})${limited(limit)}`;
const othersSql = (text: string, limit?: number) => Prisma.sql`SELECT DISTINCT o.finding_arn AS v FROM finding_other_resources o
  WHERE o.resource_id = ${text} OR o.resource_id ILIKE ${containsPattern(text)} OR o.name ILIKE ${containsPattern(text)}${limited(limit)}`;

/** The filter with its resource text resolved (unchanged without one). */
export async function resolveResourceMatch<F extends FindingsFilter>(filter: F, cap = MATCH_CAP): Promise<F & { resourceMatch?: ResourceMatch }> {
  if (!filter.resource) return filter;
  const [ids, arns] = await Promise.all([queryRows<{ v: string }>(namesSql(filter.resource, cap + 1)), queryRows<{ v: string }>(othersSql(filter.resource, cap + 1))]);
  const resourceMatch: ResourceMatch = ids.length > cap || arns.length > cap ? "broad" : { ids: ids.map((r) => r.v), arns: arns.map((r) => r.v) };
  return { ...filter, resourceMatch };
}

/** The resource condition on `findings f`. Unresolved, it resolves inside the statement (correct,
 *  but an array from a subquery is searched element by element when the findings are walked). */
export function resourceWhere(text: string, match: ResourceMatch | undefined): Prisma.Sql {
  if (match === "broad") {
    const p = containsPattern(text);
    return Prisma.sql`(f.resource_id = ${text} OR f.resource_id ILIKE ${p} OR f.resource_name ILIKE ${p}
      OR EXISTS (SELECT 1 FROM finding_other_resources o WHERE o.finding_arn = f.arn
        AND (o.resource_id = ${text} OR o.resource_id ILIKE ${p} OR o.name ILIKE ${p})))`;
  }
  if (match) {
    const parts = [
      ...(match.ids.length ? [Prisma.sql`f.resource_id = ANY(${match.ids}::text[])`] : []),
      ...(match.arns.length ? [Prisma.sql`f.arn = ANY(${match.arns}::text[])`] : []),
    ];
    return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
  }
  return Prisma.sql`(f.resource_id = ANY(ARRAY(${namesSql(text)})) OR f.arn = ANY(ARRAY(${othersSql(text)})))`;
}
