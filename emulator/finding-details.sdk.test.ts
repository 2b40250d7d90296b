import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchGetFindingDetailsCommand, ThrottlingException, ValidationException, type Finding, type Inspector2Client } from "@aws-sdk/client-inspector2";
import type { EmulatorHandle } from "./server";
import { inspector, startListedEmulator, TEST_NOW } from "./test-support";

// BatchGetFindingDetails through the real SDK: shapes, the 10-ARN limit, per-ARN errors, throttling.

let h: EmulatorHandle;
let c: Inspector2Client;
let all: Finding[];
beforeAll(async () => ({ h, c, all } = await startListedEmulator()));
afterAll(() => h.close());

const details = (arns: string[]) => c.send(new BatchGetFindingDetailsCommand({ findingArns: arns }));
const pkgArns = () => [...new Map(all.filter((f) => f.type === "PACKAGE_VULNERABILITY").map((f) => [f.packageVulnerabilityDetails!.vulnerabilityId, f.findingArn!])).values()];

describe("BatchGetFindingDetails", () => {
  it("answers the SDK's FindingDetail shape, the same for every finding of one CVE, with KEV entries past and ahead of due", async () => {
    const out = [];
    const arns = pkgArns();
    for (let i = 0; i < arns.length; i += 10) out.push(...(await details(arns.slice(i, i + 10))).findingDetails!);
    expect(out).toHaveLength(arns.length);
    const kev = out.filter((d) => d.cisaData);
    expect(kev.length).toBeGreaterThan(2);
    for (const d of kev) {
      expect(d.cisaData!.dateAdded).toBeInstanceOf(Date);
      expect(d.cisaData!.dateDue!.getTime()).toBeGreaterThan(d.cisaData!.dateAdded!.getTime());
      expect(d.cisaData!.action).toMatch(/mitigations/);
      expect(d.exploitObserved!.firstSeen!.getTime()).toBeLessThanOrEqual(d.exploitObserved!.lastSeen!.getTime());
    }
    expect(kev.some((d) => d.cisaData!.dateDue! < TEST_NOW) && kev.some((d) => d.cisaData!.dateDue! > TEST_NOW)).toBe(true);
    expect(out.every((d) => typeof d.epssScore === "number" && d.cwes!.length > 0)).toBe(true);
    const kevCve = all.find((f) => f.findingArn === kev[0].findingArn)!.packageVulnerabilityDetails!.vulnerabilityId;
    const sameCve = all.filter((f) => f.packageVulnerabilityDetails?.vulnerabilityId === kevCve).slice(0, 3).map((f) => f.findingArn!);
    const again = (await details(sameCve)).findingDetails!;
    expect(new Set(again.map((d) => JSON.stringify({ ...d, findingArn: 0, riskScore: 0 }))).size).toBe(1);
  });

  it("names each unknown, foreign or malformed ARN in errors[] and answers the rest", async () => {
    const good = pkgArns()[0];
    const r = await details([good, `${good.slice(0, -4)}ffff`, "not-an-arn", all.find((f) => f.type === "NETWORK_REACHABILITY")!.findingArn!]);
    expect(r.findingDetails!.map((d) => d.findingArn)).toEqual([good]);
    expect(r.errors!.map((e) => e.errorCode)).toEqual(["FINDING_DETAILS_NOT_FOUND", "INVALID_INPUT", "FINDING_DETAILS_NOT_FOUND"]);
    expect(r.errors!.every((e) => e.errorMessage && e.findingArn)).toBe(true);
    const other = inspector(h, "eu-west-1");
    expect((await other.send(new BatchGetFindingDetailsCommand({ findingArns: [good] }))).errors![0].errorCode).toBe("FINDING_DETAILS_NOT_FOUND");
    other.destroy();
  });

  it("refuses more than 10 ARNs or none", async () => {
    await expect(details(pkgArns().slice(0, 11))).rejects.toBeInstanceOf(ValidationException);
    await expect(details([])).rejects.toBeInstanceOf(ValidationException);
  });

  it("throttles like the other operations", async () => {
    const once = inspector(h, "us-east-1", { maxAttempts: 1 });
    h.setOptions({ throttle: { BatchGetFindingDetails: 1 } });
    try {
      const rs = await Promise.allSettled([1, 2, 3, 4].map(() => once.send(new BatchGetFindingDetailsCommand({ findingArns: [pkgArns()[0]] }))));
      expect(rs.some((r) => r.status === "rejected" && r.reason instanceof ThrottlingException)).toBe(true);
    } finally {
      h.setOptions({ throttle: {} });
      once.destroy();
    }
  });
});
