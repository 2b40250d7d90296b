import { describe, expect, it } from "vitest";
import type { Finding } from "@aws-sdk/client-inspector2";
import { ecrFinding } from "./fixtures";
import { findingUsage } from "./finding-usage";
import { toFindingRow } from "./finding-row";

const withImage = (extra: Record<string, unknown>): Finding => {
  const f = ecrFinding();
  Object.assign(f.resources![0].details!.awsEcrContainerImage!, extra);
  return f;
};

describe("findingUsage", () => {
  it("keeps inUseCount and lastInUseAt of an ECR image, AWS as provider", () => {
    const at = new Date("2026-11-19T10:00:00Z");
    expect(findingUsage(withImage({ inUseCount: 3, lastInUseAt: at }))).toEqual({ inUseCount: 3, lastInUseAt: at, provider: "AWS", providerAccountId: null });
    expect(findingUsage(withImage({ inUseCount: 0 })).inUseCount).toBe(0);
  });

  it("absent or malformed usage is unknown (null), and never fails the row", () => {
    expect(findingUsage(ecrFinding())).toMatchObject({ inUseCount: null, lastInUseAt: null });
    const bad = withImage({ inUseCount: -1, lastInUseAt: new Date("nope") });
    expect(findingUsage(bad)).toMatchObject({ inUseCount: null, lastInUseAt: null });
    const r = toFindingRow(bad, "us-east-1");
    expect(r.ok && r.row.inUseCount).toBe(null);
  });

  it("ignores usage fields on non-ECR resources", () => {
    const f = ecrFinding();
    f.resources![0].type = "AWS_EC2_INSTANCE";
    Object.assign(f.resources![0].details!.awsEcrContainerImage!, { inUseCount: 2 });
    expect(findingUsage(f).inUseCount).toBe(null);
  });

  it("stores another cloud's provider and account; an AWS resource's providerAccountId is not kept", () => {
    const f = ecrFinding();
    f.resources![0] = { type: "Microsoft.Compute/virtualMachines", id: "/subscriptions/s/vm", provider: "AZURE", providerAccountId: "1b2c3d4e-0000-4000-a000-000000000001" };
    expect(findingUsage(f)).toMatchObject({ provider: "AZURE", providerAccountId: "1b2c3d4e-0000-4000-a000-000000000001" });
    const aws = ecrFinding();
    aws.resources![0].provider = "AWS";
    aws.resources![0].providerAccountId = "111122223333";
    expect(findingUsage(aws)).toMatchObject({ provider: "AWS", providerAccountId: null });
    const weird = ecrFinding();
    (weird.resources![0] as { provider?: unknown }).provider = 42;
    expect(findingUsage(weird).provider).toBe("AWS");
  });
});
