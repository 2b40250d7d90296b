import { describe, expect, it } from "vitest";
import { installedVersion, mapCode, mapNetwork, mapPackages, mapReferences, mapScores, rawDate } from "./finding-raw-mapper";
import { mapRemediation, mapResource, mapVulnerability } from "./finding-resource-mapper";

const packageFinding = {
  inspectorScore: 7.5,
  inspectorScoreDetails: { adjustedCvss: { scoreSource: "NVD", version: "3.1", score: 9.8, scoringVector: "CVSS:3.1/AV:N", adjustments: [{ metric: "severity", reason: "vendor rated it high" }] } },
  packageVulnerabilityDetails: {
    vulnerabilityId: "CVE-2024-6119", source: "UBUNTU_CVE", sourceUrl: "https://ubuntu.com/security/CVE-2024-6119", referenceUrls: ["https://www.cve.org/x", "javascript:alert(1)"],
    cvss: [{ baseScore: 9.8, scoringVector: "CVSS:3.1/AV:N", version: "3.1", source: "NVD" }], vendorSeverity: "medium", vendorCreatedAt: 1725468938,
    vulnerablePackages: [
      { name: "openssl", version: "3.0.13", release: "0ubuntu3.1", epoch: 0, arch: "X86_64", fixedInVersion: "0:3.0.13-0ubuntu3.4", packageManager: "OS", remediation: "apt-get update && apt-get upgrade" },
      { name: "left-pad", version: "1.0.0", fixedInVersion: "NotAvailable", packageManager: "NPM", remediation: "None Provided", filePath: "app/node_modules/left-pad/package.json" },
    ],
  },
  epss: { score: 0.00045 },
  exploitabilityDetails: { lastKnownExploitAt: "2024-09-01T00:00:00.000Z" },
  remediation: { recommendation: { text: "None Provided", Url: "https://docs.aws.amazon.com/x" } },
  resources: [{ type: "AWS_EC2_INSTANCE", id: "i-1", region: "us-east-1", tags: { env: "prod" }, details: { awsEc2Instance: { imageId: "ami-1", launchedAt: 1725468938, ipV4Addresses: ["10.0.0.1"], platform: "UBUNTU_22_04", ipV6Addresses: [] } } }],
};

describe("finding raw mappers", () => {
  it("map packages with installed and fixed-in versions and the remediation command", () => {
    expect(mapPackages(packageFinding)).toEqual([
      expect.objectContaining({ name: "openssl", installed: "3.0.13-0ubuntu3.1", fixedIn: "0:3.0.13-0ubuntu3.4", remediation: "apt-get update && apt-get upgrade", arch: "X86_64" }),
      expect.objectContaining({ name: "left-pad", installed: "1.0.0", fixedIn: null, remediation: undefined, filePath: "app/node_modules/left-pad/package.json" }),
    ]);
    expect(installedVersion({ epoch: 1, version: "2.0", release: "3" })).toBe("1:2.0-3");
  });

  it("explain scores: Inspector vs CVSS, adjustments, vendor severity and EPSS", () => {
    expect(mapScores(packageFinding)).toEqual({
      inspectorScore: 7.5,
      adjusted: { score: 9.8, source: "NVD", version: "3.1", vector: "CVSS:3.1/AV:N", adjustments: [{ metric: "severity", reason: "vendor rated it high" }] },
      cvss: [{ source: "NVD", version: "3.1", baseScore: 9.8, vector: "CVSS:3.1/AV:N" }],
      vendorSeverity: "medium",
      epss: 0.00045,
    });
    expect(mapScores({})).toEqual({ inspectorScore: undefined, adjusted: undefined, cvss: [], vendorSeverity: undefined, epss: undefined });
  });

  it("collect only http(s) references, without duplicates", () => {
    expect(mapReferences(packageFinding)).toEqual(["https://ubuntu.com/security/CVE-2024-6119", "https://www.cve.org/x", "https://docs.aws.amazon.com/x"]);
  });

  it("read timestamps as epoch seconds or ISO strings", () => {
    expect(rawDate(1725468938)?.toISOString()).toBe("2024-09-04T16:55:38.000Z");
    expect(rawDate("2024-09-01T00:00:00.000Z")?.toISOString()).toBe("2024-09-01T00:00:00.000Z");
    expect(rawDate("nope")).toBeUndefined();
    expect(mapVulnerability(packageFinding)).toMatchObject({ id: "CVE-2024-6119", source: "UBUNTU_CVE", lastKnownExploitAt: new Date("2024-09-01T00:00:00.000Z") });
  });

  it("map resource details to labelled facts and tags, skipping empties", () => {
    const r = mapResource(packageFinding);
    expect(r.facts.map((f) => [f.label, f.value])).toEqual([["AMI", "ami-1"], ["Platform", "UBUNTU_22_04"], ["IPv4", "10.0.0.1"], ["Launched", "2024-09-04 16:55 UTC"]]);
    expect(r.tags).toEqual([{ key: "env", value: "prod" }]);
    expect(mapRemediation(packageFinding)).toEqual({ text: undefined, url: "https://docs.aws.amazon.com/x" });
  });

  it("map network paths and code locations", () => {
    const network = mapNetwork({ networkReachabilityDetails: { openPortRange: { begin: 22, end: 22 }, protocol: "TCP", networkPath: { steps: [{ componentId: "igw-1", componentType: "AWS::EC2::InternetGateway" }] } } });
    expect(network).toEqual({ protocol: "TCP", ports: "22", steps: [{ componentId: "igw-1", componentType: "AWS::EC2::InternetGateway", componentArn: undefined }] });
    expect(mapNetwork({ networkReachabilityDetails: { openPortRange: { begin: 8000, end: 8080 }, protocol: "TCP", networkPath: { steps: [] } } })?.ports).toBe("8000–8080");
    const code = mapCode({ codeVulnerabilityDetails: { filePath: { fileName: "app.py", filePath: "src/app.py", startLine: 10, endLine: 12 }, cwes: ["CWE-89"], detectorName: "SQL injection", detectorId: "python/sql@v1.0" } });
    expect(code).toMatchObject({ filePath: "src/app.py", startLine: 10, endLine: 12, cwes: ["CWE-89"], detectorName: "SQL injection" });
    expect(mapNetwork({})).toBeUndefined();
    expect(mapCode({})).toBeUndefined();
  });
});
