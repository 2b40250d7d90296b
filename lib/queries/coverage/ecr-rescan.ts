// Inspector's ECR re-scan setting per synced region (GetConfiguration), for the coverage page.
// Organization-wide settings: the scope is taken for the uniform read-model signature.
import { Prisma, queryRows } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";

export interface EcrRescanRow {
  region: string;
  rescan_duration: string | null;
  pull_date_rescan_duration: string | null;
  pull_date_rescan_mode: string | null;
  status: string | null;
  updated_at: Date | null;
  error: string | null;
  synced_at: Date;
}

export async function getEcrRescan(_scope: Scope): Promise<EcrRescanRow[]> {
  return queryRows<EcrRescanRow>(Prisma.sql`SELECT * FROM ecr_rescan_configs ORDER BY region`);
}

/** DAYS_90 → "90 days", LIFETIME → "for the image's lifetime"; null → "—". */
export function durationLabel(v: string | null): string {
  if (!v) return "—";
  if (v === "LIFETIME") return "for the image's lifetime";
  const m = /^DAYS_(\d+)$/.exec(v);
  return m ? `${m[1]} days` : v;
}

export const pullModeLabel = (v: string | null) => (v === "LAST_IN_USE_AT" ? "last in use" : v === "LAST_PULL_DATE" ? "last pull" : v ?? "—");
