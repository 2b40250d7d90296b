"use client";
// The account's row of the overview heatmap, with the same drill-down into the explorer.
import type { Severity } from "@/lib/domain/severity";
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { HeatmapGrid } from "@/components/charts/heatmap-grid";
import { unknownCountsReason } from "@/components/overview/sync-problem-label";
import { awsOnly } from "@/components/overview/aws-only";

export function AccountHeatRow({ row }: { row: HeatmapRow }) {
  return (
    <HeatmapGrid
      rowHeader="Region"
      caption={`Open findings in ${row.name ?? row.accountId} by severity`}
      rows={[{ id: row.accountId, label: "All regions", title: row.name ?? row.accountId, counts: row.counts, total: row.total, unknown: unknownCountsReason(row),
        hrefFor: (s?: Severity) => findingsHref({ account: [row.accountId], severity: s ? [s] : [], ...awsOnly([row]) }) }]}
    />
  );
}
