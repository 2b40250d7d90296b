import { describe, expect, it } from "vitest";
import { scanConfigWarnings, type AccountScanStateInput, type RegionConfigInput } from "./scan-config-warnings";
import { scanStateVerdict } from "./scan-config";

const allOn = { ec2: true, ecr: true, lambda: true, lambdaCode: true, codeRepository: true };
const config = (region: string, over: Partial<RegionConfigInput> = {}): RegionConfigInput => ({ region, autoEnable: allOn, maxAccountLimitReached: false, error: null, ...over });
const states = { ec2: "ENABLED", ecr: "ENABLED", lambda: "ENABLED", lambdaCode: "ENABLED", codeRepository: "DISABLED" };
const account = (over: Partial<AccountScanStateInput> = {}): AccountScanStateInput => ({ accountId: "111122223333", name: "prod", region: "us-east-1", inspectorStatus: "ENABLED", states, ...over });

describe("scan configuration warnings", () => {
  it("name an auto-enable gap per type and region, and leave unknown flags alone", () => {
    const w = scanConfigWarnings([config("eu-west-1", { autoEnable: { ...allOn, lambdaCode: false, codeRepository: null } })], []);
    expect(w.map((x) => x.message)).toEqual(["Auto-enable is off for Lambda code in eu-west-1: new accounts will not be scanned"]);
  });

  it("lead with a suspended scan type in an account, then the config gaps", () => {
    const w = scanConfigWarnings([config("us-east-1", { autoEnable: { ...allOn, ec2: false } })], [account({ states: { ...states, ecr: "SUSPENDED" } })]);
    expect(w[0]).toMatchObject({ level: "critical", accountId: "111122223333", message: "ECR scanning is suspended in account prod (111122223333) in us-east-1" });
    expect(w[1].message).toMatch(/Auto-enable is off for EC2 in us-east-1/);
  });

  it("say when the configuration could not be read or the member limit is reached", () => {
    const w = scanConfigWarnings([config("us-east-1", { error: "AccessDeniedException: no", maxAccountLimitReached: true, autoEnable: { ec2: null, ecr: null, lambda: null, lambdaCode: null, codeRepository: null } })], []);
    expect(w.map((x) => x.message)).toEqual([
      "Inspector's member account limit is reached in us-east-1: further accounts cannot be added",
      "Auto-enable settings in us-east-1 could not be read: AccessDeniedException: no",
    ]);
  });

  it("skip accounts with Inspector off (listed elsewhere) and show a state Inspector adds later as itself", () => {
    expect(scanConfigWarnings([], [account({ inspectorStatus: "SUSPENDED", states: { ...states, ecr: "SUSPENDED" } })])).toEqual([]);
    expect(scanStateVerdict("PAUSED")).toEqual({ label: "paused", trouble: "unknown" });
    expect(scanStateVerdict(null).label).toBe("unknown");
  });
});
