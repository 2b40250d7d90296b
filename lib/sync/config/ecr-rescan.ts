// GetConfiguration per region: Inspector's ECR re-scan setting (how long images are re-scanned
// after push, and after their last pull or last use). Optional: a failure is recorded on the row
// (the previous values stay) and never fails the region.
import { GetConfigurationCommand, type GetConfigurationResponse } from "@aws-sdk/client-inspector2";
import { z } from "zod";
import type pg from "pg";
import { AwsCallError } from "@/lib/aws/errors";
import type { SyncContext } from "../context";

const text = z.string().min(1).max(64).nullable().catch(null);
const state = z.object({
  rescanDuration: text, pullDateRescanDuration: text, pullDateRescanMode: text, status: text,
  updatedAt: z.date().nullable().catch(null),
});
export type EcrRescanRow = z.output<typeof state>;

export function toEcrRescanRow(r: GetConfigurationResponse): EcrRescanRow {
  const s = r.ecrConfiguration?.rescanDurationState ?? {};
  return state.parse({ rescanDuration: s.rescanDuration ?? null, pullDateRescanDuration: s.pullDateRescanDuration ?? null,
    pullDateRescanMode: s.pullDateRescanMode ?? null, status: s.status ?? null, updatedAt: s.updatedAt ?? null });
}

export async function writeEcrRescan(db: Pick<pg.Pool, "query">, region: string, row: EcrRescanRow | { error: string }, at: Date) {
  if ("error" in row) {
    await db.query(`INSERT INTO ecr_rescan_configs (region, error, synced_at) VALUES ($1, $2, $3)
      ON CONFLICT (region) DO UPDATE SET error = EXCLUDED.error, synced_at = EXCLUDED.synced_at`, [region, row.error, at]);
    return;
  }
  await db.query(
    `INSERT INTO ecr_rescan_configs (region, rescan_duration, pull_date_rescan_duration, pull_date_rescan_mode, status, updated_at, error, synced_at)
     VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)
     ON CONFLICT (region) DO UPDATE SET rescan_duration = EXCLUDED.rescan_duration, pull_date_rescan_duration = EXCLUDED.pull_date_rescan_duration,
       pull_date_rescan_mode = EXCLUDED.pull_date_rescan_mode, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at, error = NULL, synced_at = EXCLUDED.synced_at`,
    [region, row.rescanDuration, row.pullDateRescanDuration, row.pullDateRescanMode, row.status, row.updatedAt, at],
  );
}

export async function syncEcrRescan(ctx: SyncContext, region: string): Promise<void> {
  try {
    const res = await ctx.aws.inspector(region).send(new GetConfigurationCommand({}));
    await writeEcrRescan(ctx.pool, region, toEcrRescanRow(res), ctx.now());
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
    await writeEcrRescan(ctx.pool, region, { error: err.message }, ctx.now());
  }
}
