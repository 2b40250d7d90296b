import { invalid } from "../http/errors";
import type { World } from "../world/types";
import { resourceInfo } from "../world/resource-info";
import { compileCoverageFilter, coveredResource, coverageRows, rowReason, rowRes } from "./coverage";
import { decodeToken, encodeToken, maxResults, oneOf, type Body } from "./params";

// ListCoverage and ListCoverageStatistics.

export function listCoverage(w: World, region: number, body: Body) {
  const max = maxResults(body, 200);
  const from = Number(decodeToken(body)?.c ?? 0);
  const filter = compileCoverageFilter(w, body.filterCriteria);
  const rows: number[] = [];
  let next: string | undefined;
  for (const row of coverageRows(w, region, filter, from)) {
    if (rows.length === max) { next = encodeToken({ c: row }); break; }
    rows.push(row);
  }
  return { coveredResources: rows.map((r) => coveredResource(w, r)), ...(next ? { nextToken: next } : {}) };
}

export const GROUP_KEYS = ["SCAN_STATUS_CODE", "SCAN_STATUS_REASON", "ACCOUNT_ID", "RESOURCE_TYPE", "ECR_REPOSITORY_NAME"] as const;
// The model caps countsByGroup at 5 entries per page.
const GROUPS_PER_PAGE = 5;

export function listCoverageStatistics(w: World, region: number, body: Body) {
  if (body.maxResults !== undefined) throw invalid("maxResults", "Member is not supported by this operation");
  const groupBy = oneOf(body, "groupBy", GROUP_KEYS);
  const offset = Number(decodeToken(body)?.o ?? 0);
  const filter = compileCoverageFilter(w, body.filterCriteria);
  const counts = new Map<string, number>();
  let total = 0;
  for (const row of coverageRows(w, region, filter)) {
    total++;
    if (!groupBy) continue;
    const i = resourceInfo(w, rowRes(row));
    const key = groupBy === "SCAN_STATUS_CODE" ? (coveredResource(w, row).scanStatus as { statusCode: string }).statusCode
      : groupBy === "SCAN_STATUS_REASON" ? rowReason(w, row)
      : groupBy === "ACCOUNT_ID" ? i.accountId
      : groupBy === "RESOURCE_TYPE" ? i.type
      : i.repoName;
    if (key === undefined) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const groups = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([groupKey, count]) => ({ groupKey, count }));
  const pageItems = groups.slice(offset, offset + GROUPS_PER_PAGE);
  const next = offset + GROUPS_PER_PAGE < groups.length ? encodeToken({ o: offset + GROUPS_PER_PAGE }) : undefined;
  return { ...(groupBy ? { countsByGroup: pageItems } : {}), totalCounts: total, ...(next ? { nextToken: next } : {}) };
}
