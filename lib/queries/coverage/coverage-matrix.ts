// Account x scan type coverage: how many regions have the scan type enabled, and how many of the
// resources Inspector knows are actually scanned (ACTIVE) versus not (INACTIVE).
import { Prisma, queryRows } from "@/lib/queries/sql";
import { resolvedOwnerSql } from "@/lib/queries/owner-sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { scanTypes, type ScanType } from "@/lib/domain/finding-enums";
import { scanCategorySql, scanStatusColumn } from "./scan-category";
import { lifecycleColumns, toAccountLeft, type AccountLeft } from "@/lib/queries/accounts/account-lifecycle";

export interface CoverageCell {
  regions: number;
  enabledRegions: number;
  /** Statuses other than ENABLED seen in any region (DISABLED, SUSPENDED, …). */
  otherStatuses: string[];
  active: number;
  inactive: number;
}

export interface CoverageMatrixRow {
  accountId: string;
  name: string | null;
  ou: string | null;
  owner: string | null;
  cells: Record<ScanType, CoverageCell>;
  active: number;
  inactive: number;
  /** Set when the account left Inspector or the organization: its cells are its last state. */
  left?: AccountLeft | null;
}

interface EnablementRaw { account_id: string; name: string | null; ou_name: string | null; owner: string | null; regions: number; lifecycle?: string | null; lifecycle_since?: Date | null; [k: string]: unknown }
interface ResourcesRaw { account_id: string; category: ScanType; active: number; inactive: number }

export async function getCoverageMatrix(scope: Scope, accountIds?: string[]): Promise<CoverageMatrixRow[]> {
  const only = (col: Prisma.Sql) => (accountIds ? Prisma.sql`${col} = ANY(${accountIds}::varchar[])` : Prisma.sql`TRUE`);
  const perScan = scanTypes.map((s) => {
    const col = Prisma.raw(`ar.${scanStatusColumn[s]}`);
    return Prisma.sql`count(*) FILTER (WHERE ${col} = 'ENABLED')::int AS ${Prisma.raw(`"${s}_enabled"`)},
      array_agg(DISTINCT coalesce(${col}, 'UNKNOWN')) FILTER (WHERE ${col} IS DISTINCT FROM 'ENABLED') AS ${Prisma.raw(`"${s}_other"`)}`;
  });
  const [enablement, resources] = await Promise.all([
    queryRows<EnablementRaw>(Prisma.sql`
      SELECT a.id AS account_id, a.name, a.ou_name, ${resolvedOwnerSql} AS owner, ${lifecycleColumns("a")}, count(ar.region)::int AS regions, ${Prisma.join(perScan, ", ")}
      FROM accounts a LEFT JOIN account_regions ar ON ar.account_id = a.id
      WHERE ${scopeWhere(scope, Prisma.sql`a.id`)} AND ${only(Prisma.sql`a.id`)}
      GROUP BY a.id ORDER BY a.id`),
    queryRows<ResourcesRaw>(Prisma.sql`
      SELECT cr.account_id, ${scanCategorySql} AS category,
        count(*) FILTER (WHERE cr.scan_status_code = 'ACTIVE')::int AS active,
        count(*) FILTER (WHERE cr.scan_status_code <> 'ACTIVE')::int AS inactive
      FROM covered_resources cr
      WHERE ${scopeWhere(scope, Prisma.sql`cr.account_id`)} AND ${only(Prisma.sql`cr.account_id`)}
      GROUP BY cr.account_id, category`),
  ]);
  return toMatrixRows(enablement, resources);
}

export function toMatrixRows(enablement: EnablementRaw[], resources: ResourcesRaw[]): CoverageMatrixRow[] {
  const counts = new Map(resources.filter((r) => r.category).map((r) => [`${r.account_id}/${r.category}`, r]));
  return enablement.map((e) => {
    const cells = Object.fromEntries(
      scanTypes.map((s) => {
        const c = counts.get(`${e.account_id}/${s}`);
        const cell: CoverageCell = { regions: e.regions, enabledRegions: Number(e[`${s}_enabled`] ?? 0), otherStatuses: (e[`${s}_other`] as string[] | null) ?? [], active: c?.active ?? 0, inactive: c?.inactive ?? 0 };
        return [s, cell];
      }),
    ) as Record<ScanType, CoverageCell>;
    const active = scanTypes.reduce((n, s) => n + cells[s].active, 0);
    const inactive = scanTypes.reduce((n, s) => n + cells[s].inactive, 0);
    return { accountId: e.account_id, name: e.name, ou: e.ou_name, owner: e.owner, cells, active, inactive, left: toAccountLeft(e) };
  });
}
