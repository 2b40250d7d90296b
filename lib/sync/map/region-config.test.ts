import { describe, expect, it } from "vitest";
import { toRegionConfig } from "./region-config";
import { toUsageRows } from "./usage-rows";

describe("organization configuration and usage mapping", () => {
  it("keeps every auto-enable flag, and an absent one is unknown (null), not false", () => {
    expect(toRegionConfig("eu-west-1", { autoEnable: { ec2: true, ecr: false, lambda: true, lambdaCode: false, codeRepository: true }, maxAccountLimitReached: false }))
      .toEqual({ region: "eu-west-1", autoEnableEc2: true, autoEnableEcr: false, autoEnableLambda: true, autoEnableLambdaCode: false, autoEnableCodeRepository: true, maxAccountLimitReached: false });
    const old = toRegionConfig("us-east-1", { autoEnable: { ec2: true, ecr: true } });
    expect(old.autoEnableLambdaCode).toBeNull();
    expect(old.autoEnableCodeRepository).toBeNull();
    expect(old.maxAccountLimitReached).toBeNull();
    expect(toRegionConfig("us-east-1", {}).autoEnableEc2).toBeNull();
  });

  it("maps usage per account and type; a missing cost stays null", () => {
    const rows = toUsageRows([
      { accountId: "111122223333", usage: [{ type: "EC2_INSTANCE_HOURS", total: 720, estimatedMonthlyCost: 8.12, currency: "USD" }, { type: "ECR_RESCAN" }, { total: 3 }] },
      { usage: [{ type: "ECR_INITIAL_SCAN", total: 1 }] },
    ]);
    expect(rows).toEqual([
      { accountId: "111122223333", usageType: "EC2_INSTANCE_HOURS", total: 720, estimatedMonthlyCost: 8.12, currency: "USD" },
      { accountId: "111122223333", usageType: "ECR_RESCAN", total: null, estimatedMonthlyCost: null, currency: null },
    ]);
  });
});
