// The policy in force when none named "default" has been saved or loaded: block what is critical,
// exploitable and fixable, and anything very likely to be exploited; tolerate the rest.
import { policySchema, type Policy } from "./policy-schema";

export const DEFAULT_POLICY_NAME = "default";

export const builtInDefaultPolicy: Policy = policySchema.parse({
  name: DEFAULT_POLICY_NAME,
  description: "Built-in: no critical finding with a known exploit and an available fix; nothing with EPSS ≥ 0.5.",
  maxCacheAgeHours: 24,
  rules: [
    { id: "no-exploitable-fixable-critical", description: "Critical, exploit available, fix available", when: { severities: ["CRITICAL"], exploitAvailable: true, fixAvailable: ["YES", "PARTIAL"] } },
    { id: "no-likely-exploited", description: "EPSS 0.5 or more", when: { minEpss: 0.5, severities: ["CRITICAL", "HIGH"] } },
  ],
});
