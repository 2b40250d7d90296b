// DescribeOrganizationConfiguration → a region_configs row. Every field optional: a partition
// or region that does not send lambdaCode or codeRepository yet leaves them unknown (null),
// never false. Pure.
import type { DescribeOrganizationConfigurationCommandOutput } from "@aws-sdk/client-inspector2";

export interface RegionConfigRow {
  region: string;
  autoEnableEc2: boolean | null;
  autoEnableEcr: boolean | null;
  autoEnableLambda: boolean | null;
  autoEnableLambdaCode: boolean | null;
  autoEnableCodeRepository: boolean | null;
  maxAccountLimitReached: boolean | null;
}

const bool = (v: unknown): boolean | null => (typeof v === "boolean" ? v : null);

export function toRegionConfig(region: string, out: Partial<DescribeOrganizationConfigurationCommandOutput>): RegionConfigRow {
  const a = out.autoEnable;
  return {
    region,
    autoEnableEc2: bool(a?.ec2),
    autoEnableEcr: bool(a?.ecr),
    autoEnableLambda: bool(a?.lambda),
    autoEnableLambdaCode: bool(a?.lambdaCode),
    autoEnableCodeRepository: bool(a?.codeRepository),
    maxAccountLimitReached: bool(out.maxAccountLimitReached),
  };
}
