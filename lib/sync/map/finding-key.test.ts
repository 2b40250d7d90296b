import { describe, expect, it } from "vitest";
import { ecrFinding } from "./fixtures";
import { findingKey, relatedVulnerabilities } from "./finding-key";
import { findingKeyLabel } from "@/lib/domain/finding-key-label";
import { toFindingRow } from "./finding-row";
import { otherResources } from "./finding-resource";

const code = ecrFinding({
  type: "CODE_VULNERABILITY", packageVulnerabilityDetails: undefined, title: "CWE-89,CWE-20 - SQL injection",
  codeVulnerabilityDetails: {
    detectorId: "python/sql-injection@v1.0", ruleId: "python-sql-injection", detectorName: "SQL injection", cwes: ["CWE-89", "CWE-20"],
    filePath: { fileName: "app.py", filePath: "src/app.py", startLine: 1, endLine: 2 },
  },
});
const network = ecrFinding({
  type: "NETWORK_REACHABILITY", packageVulnerabilityDetails: undefined,
  networkReachabilityDetails: { openPortRange: { begin: 1024, end: 2048 }, protocol: "UDP", networkPath: { steps: [] } },
});

describe("findingKey", () => {
  it("keys package findings by their vulnerability id, case kept (GHSA-only findings too)", () => {
    expect(findingKey(ecrFinding())).toBe("CVE-2024-6119");
    const ghsa = ecrFinding({ packageVulnerabilityDetails: { vulnerabilityId: "GHSA-9wv6-86v2-598j", source: "GITHUB" } });
    expect(findingKey(ghsa)).toBe("GHSA-9wv6-86v2-598j");
  });

  it("keys code findings by detector (else rule) and sorted CWEs, network findings by protocol and port range", () => {
    expect(findingKey(code)).toBe("code:python/sql-injection@v1.0:CWE-20+CWE-89");
    const ruleOnly = { ...code, codeVulnerabilityDetails: { ...code.codeVulnerabilityDetails!, detectorId: undefined as never } };
    expect(findingKey(ruleOnly)).toBe("code:python-sql-injection:CWE-20+CWE-89");
    expect(findingKey(network)).toBe("network:UDP:1024-2048");
    expect(findingKey(ecrFinding({ packageVulnerabilityDetails: undefined, title: "odd" }))).toBe("PACKAGE_VULNERABILITY:odd");
  });

  it("labels code and network keys for people", () => {
    expect(findingKeyLabel("code:python/sql-injection@v1.0:CWE-20+CWE-89")).toBe("python/sql-injection@v1.0 (CWE-20, CWE-89)");
    expect(findingKeyLabel("network:TCP:22-22")).toBe("TCP port 22");
    expect(findingKeyLabel("network:UDP:1024-2048")).toBe("UDP ports 1024–2048");
    expect(findingKeyLabel("GHSA-9wv6-86v2-598j")).toBe("GHSA-9wv6-86v2-598j");
  });

  it("keeps related vulnerabilities as aliases, without the id itself or repeats", () => {
    const f = ecrFinding({ packageVulnerabilityDetails: { vulnerabilityId: "CVE-1", source: "NVD", relatedVulnerabilities: ["GHSA-abcd-efgh-ijkl", "CVE-1", "ALAS-2024-1", "GHSA-abcd-efgh-ijkl"] } });
    expect(relatedVulnerabilities(f)).toEqual(["GHSA-abcd-efgh-ijkl", "ALAS-2024-1"]);
    expect(relatedVulnerabilities(network)).toEqual([]);
  });
});

describe("every resource of a finding", () => {
  it("maps resources after the first with their own columns and region", () => {
    const f = ecrFinding({
      resources: [
        ...ecrFinding().resources!,
        { type: "AWS_EC2_INSTANCE", id: "i-2", region: "us-east-1", tags: { env: "prod" }, details: { awsEc2Instance: { imageId: "ami-2" } } },
        { type: "AWS_LAMBDA_FUNCTION", id: "arn:fn", details: { awsLambdaFunction: { functionName: "pay", runtime: "NODEJS_18_X", codeSha256: "x", version: "1", executionRoleArn: "r" } } },
      ],
    });
    expect(otherResources(f)).toEqual([
      { resourceType: "AWS_EC2_INSTANCE", resourceId: "i-2", resourceName: "i-2", resourceTags: { env: "prod" }, amiId: "ami-2", ecrRepository: null, ecrImageHash: null, region: "us-east-1" },
      { resourceType: "AWS_LAMBDA_FUNCTION", resourceId: "arn:fn", resourceName: "pay", resourceTags: {}, amiId: null, ecrRepository: null, ecrImageHash: null, region: null },
    ]);
    const r = toFindingRow(f, "us-east-1");
    expect(r.ok && [r.row.resourceId, r.row.otherResources.length]).toEqual([ecrFinding().resources![0].id, 2]);
  });
});
