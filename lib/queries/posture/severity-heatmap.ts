// Account x severity counts of open findings for the heatmap, every account in scope included
// (zero findings next to a sync problem must not read as "clean").
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import type { Severity } from "@/lib/domain/severity";
import { regionWhere } from "./overview-tiles";

export interface HeatmapRow {
  accountId: string;
  name: string | null;
  ou: string | null;
  owner: string | null;
  counts: Record<Severity, number>;
  total: number;
  /** Non-OK sync statuses in any region (ACCESS_DENIED, ERROR, …), empty when all synced. */
  syncProblems: string[];
}

interface Raw {
  id: string;
  name: string | null;
  ou_name: string | null;
  owner: string | null;
  counts: Partial<Record<Severity, number>> | null;
  sync_problems: string[] | null;
}

export async function getSeverityHeatmap(scope: Scope, regions: string[], accountIds?: string[]): Promise<HeatmapRow[]> {
  const only = accountIds ? Prisma.sql`a.id = ANY(${accountIds}::varchar[])` : Prisma.sql`TRUE`;
  const rows = await queryRows<Raw>(Prisma.sql`
    SELECT a.id, a.name, a.ou_name, a.owner, c.counts, s.sync_problems
    FROM accounts a
    LEFT JOIN (
      SELECT account_id, jsonb_object_agg(severity, n) AS counts FROM (
        SELECT f.account_id, f.severity, count(*)::int AS n FROM findings f
        WHERE f.status = 'ACTIVE' AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND ${regionWhere(Prisma.sql`f.region`, regions)}
          AND ${accountIds ? Prisma.sql`f.account_id = ANY(${accountIds}::varchar[])` : Prisma.sql`TRUE`}
        GROUP BY f.account_id, f.severity) per_severity
      GROUP BY account_id) c ON c.account_id = a.id
    LEFT JOIN (
      SELECT ar.account_id, array_agg(DISTINCT ar.sync_status) FILTER (WHERE ar.sync_status <> 'OK') AS sync_problems
      FROM account_regions ar WHERE ${regionWhere(Prisma.sql`ar.region`, regions)} GROUP BY ar.account_id) s ON s.account_id = a.id
    WHERE ${scopeWhere(scope, Prisma.sql`a.id`)} AND ${only}
    ORDER BY a.id`);
  return rows.map(toHeatmapRow);
}

export function toHeatmapRow(r: Raw): HeatmapRow {
  const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNTRIAGED: 0, ...(r.counts ?? {}) };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { accountId: r.id, name: r.name, ou: r.ou_name, owner: r.owner, counts, total, syncProblems: r.sync_problems ?? [] };
}
