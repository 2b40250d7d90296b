// An AWS account that also reports other clouds' findings is counted by its AWS resources only on the
// heatmaps and the accounts table (the other clouds have rows of their own): so must its links be.
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";

export const awsOnly = (rows: Pick<HeatmapRow, "otherClouds">[]): { provider?: string[] } => (rows.some((r) => r.otherClouds) ? { provider: ["AWS"] } : {});
