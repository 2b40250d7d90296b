import { describe, expect, it } from "vitest";
import { deepInspectionLabel, scanModeLabel } from "./ec2-scan-mode";

describe("EC2 scan mode and deep inspection", () => {
  it("label the modes, keep a new one as itself and a missing one as unknown", () => {
    expect(scanModeLabel("EC2_AGENTLESS")).toBe("agentless (EBS snapshot)");
    expect(scanModeLabel("EC2_SSM_AGENT_BASED")).toBe("SSM agent");
    expect(scanModeLabel("EC2_QUANTUM")).toBe("ec2 quantum");
    expect(scanModeLabel(null)).toBe("—");
  });

  it("say what Inspector said about deep inspection, and nothing it did not", () => {
    expect(deepInspectionLabel("EC2_SSM_AGENT_BASED", "DEEP_INSPECTION_NO_INVENTORY")).toBe("problem: no inventory");
    expect(deepInspectionLabel("EC2_AGENTLESS", "SUCCESSFUL")).toBe("not used (agentless)");
    expect(deepInspectionLabel("EC2_SSM_AGENT_BASED", "SUCCESSFUL")).toBe("no problem reported");
    expect(deepInspectionLabel(null, "UNMANAGED_EC2_INSTANCE")).toBe("—");
  });
});
