// The resource list behind a coverage reason: keyset-paged on the covered_resources key.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import type { CoverageResourcesFilter } from "./coverage-resources-filter";
import { scanCategorySql, scanCategoryWhere } from "./scan-category";

export interface CoverageResourceRow {
  account_id: string;
  account_name: string | null;
  region: string;
  resource_type: string;
  resource_id: string;
  resource_name: string | null;
  scan_type: string;
  category: string | null;
  scan_status_code: string;
  scan_status_reason: string | null;
  scan_mode: string | null;
  last_scanned_at: Date | null;
  inactive_since: Date | null;
  metadata: Record<string, unknown>;
  total: number;
}

export async function listCoverageResources(scope: Scope, f: CoverageResourcesFilter) {
  const c: Prisma.Sql[] = [scopeWhere(scope, Prisma.sql`cr.account_id`)];
  c.push(f.status === "ACTIVE" ? Prisma.sql`cr.scan_status_code = 'ACTIVE'` : Prisma.sql`cr.scan_status_code <> 'ACTIVE'`);
  if (f.reason) c.push(Prisma.sql`coalesce(cr.scan_status_reason, 'UNKNOWN') = ${f.reason}`);
  if (f.account) c.push(Prisma.sql`cr.account_id = ${f.account}`);
  if (f.region) c.push(Prisma.sql`cr.region = ${f.region}`);
  if (f.scanType) c.push(scanCategoryWhere(f.scanType));
  const where = Prisma.join(c, " AND ");
  const after = decodeAfter(f.after);
  const keyset = after ? Prisma.sql`(cr.account_id, cr.region, cr.resource_id, cr.scan_type) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})` : Prisma.sql`TRUE`;
  const rows = await queryRows<CoverageResourceRow>(Prisma.sql`
    SELECT cr.account_id, a.name AS account_name, cr.region, cr.resource_type, cr.resource_id, cr.resource_name, cr.scan_type,
      ${scanCategorySql} AS category, cr.scan_status_code, cr.scan_status_reason, cr.scan_mode, cr.last_scanned_at, cr.inactive_since,
      cr.metadata, (SELECT count(*)::int FROM covered_resources cr WHERE ${where}) AS total
    FROM covered_resources cr LEFT JOIN accounts a ON a.id = cr.account_id
    WHERE ${where} AND ${keyset}
    ORDER BY cr.account_id, cr.region, cr.resource_id, cr.scan_type LIMIT ${f.limit + 1}`);
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ total: _t, ...r }) => r),
    total: rows[0]?.total ?? 0,
    next: rows.length > f.limit && last ? encodeAfter([last.account_id, last.region, last.resource_id, last.scan_type]) : null,
  };
}

const encodeAfter = (key: string[]) => btoa(JSON.stringify(key)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

function decodeAfter(text?: string): string[] | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(atob(text.replaceAll("-", "+").replaceAll("_", "/")));
    return Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === "string") ? v : undefined;
  } catch {
    return undefined;
  }
}
