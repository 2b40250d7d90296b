// Reads and stores one region's organization configuration (auto-enable per scan type). A failed
// read keeps the last values and records why, so the page says "not readable", not "off".
import { DescribeOrganizationConfigurationCommand, type Inspector2Client } from "@aws-sdk/client-inspector2";
import type pg from "pg";
import { toRegionConfig, type RegionConfigRow } from "../map/region-config";

type Queryable = Pick<pg.Pool, "query">;

export async function readOrgConfig(client: Inspector2Client, region: string): Promise<RegionConfigRow> {
  return toRegionConfig(region, await client.send(new DescribeOrganizationConfigurationCommand({})));
}

export async function writeOrgConfig(db: Queryable, row: RegionConfigRow, readAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO region_configs (region, auto_enable_ec2, auto_enable_ecr, auto_enable_lambda, auto_enable_lambda_code,
        auto_enable_code_repository, max_account_limit_reached, error, read_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)
     ON CONFLICT (region) DO UPDATE SET auto_enable_ec2 = EXCLUDED.auto_enable_ec2, auto_enable_ecr = EXCLUDED.auto_enable_ecr,
       auto_enable_lambda = EXCLUDED.auto_enable_lambda, auto_enable_lambda_code = EXCLUDED.auto_enable_lambda_code,
       auto_enable_code_repository = EXCLUDED.auto_enable_code_repository,
       max_account_limit_reached = EXCLUDED.max_account_limit_reached, error = NULL, read_at = EXCLUDED.read_at`,
    [row.region, row.autoEnableEc2, row.autoEnableEcr, row.autoEnableLambda, row.autoEnableLambdaCode, row.autoEnableCodeRepository,
      row.maxAccountLimitReached, readAt],
  );
}

/** A read that failed: the error is kept beside the last known values (read_at says how old). */
export async function writeOrgConfigError(db: Queryable, region: string, error: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO region_configs (region, error, read_at) VALUES ($1, $2, $3)
     ON CONFLICT (region) DO UPDATE SET error = EXCLUDED.error`,
    [region, error, at],
  );
}
