import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { joinRawFinding, rawPartId, splitRawFinding } from "./raw-finding-parts";

const finding = {
  findingArn: "arn:aws:inspector2:eu-west-1:111122223333:finding/c4ca4238a0b923820dcc509a6f75849b",
  awsAccountId: "111122223333",
  type: "PACKAGE_VULNERABILITY",
  title: "CVE-2023-22128 - jackson-databind",
  description: "A flaw in jackson-databind allows {crafted} \"input\".",
  status: "ACTIVE",
  severity: "MEDIUM",
  firstObservedAt: 1793195760.530847,
  inspectorScore: 4.8,
  epss: { score: 0.05353 },
  remediation: { recommendation: { text: "None Provided" } },
  inspectorScoreDetails: { adjustedCvss: { score: 4.8, adjustments: [] } },
  packageVulnerabilityDetails: {
    vulnerabilityId: "CVE-2023-22128",
    referenceUrls: ["https://www.cve.org/CVERecord?id=CVE-2023-22128"],
    vulnerablePackages: [{ name: "jackson-databind", version: "8.10.4", fixedInVersion: "8.10.4.1" }],
  },
  resources: [{ id: "arn:aws:ecr:eu-west-1:111122223333:repository/app/sha256:69f3", type: "AWS_ECR_CONTAINER_IMAGE", details: { awsEcrContainerImage: { imageTags: ["v1"] } } }],
  aNewMember: { fromTomorrow: true },
};

const split = (doc: unknown, indent?: number) => splitRawFinding(Buffer.from(JSON.stringify(doc, null, indent), "utf8"));
const rejoin = (doc: { findingArn: string; awsAccountId: string }, indent?: number) => {
  const s = split(doc, indent);
  return joinRawFinding({
    arn: doc.findingArn, account_id: doc.awsAccountId, raw: s.own.toString("utf8"),
    raw_vulnerability: s.vulnerability?.doc.toString("utf8") ?? null, raw_resources: s.resources?.doc.toString("utf8") ?? null,
  });
};

describe("splitRawFinding / joinRawFinding", () => {
  it("keeps the finding's own members, moves the vulnerability's text and the resources to shared parts", () => {
    const s = split(finding);
    expect(JSON.parse(s.own.toString())).toEqual({
      type: "PACKAGE_VULNERABILITY", status: "ACTIVE", severity: "MEDIUM", firstObservedAt: 1793195760.530847, inspectorScore: 4.8,
      epss: { score: 0.05353 }, packageVulnerabilityDetails: { vulnerablePackages: finding.packageVulnerabilityDetails.vulnerablePackages },
      aNewMember: { fromTomorrow: true },
    });
    expect(JSON.parse(s.vulnerability!.doc.toString())).toEqual({
      title: finding.title, description: finding.description, remediation: finding.remediation, inspectorScoreDetails: finding.inspectorScoreDetails,
      packageVulnerabilityDetails: { vulnerabilityId: "CVE-2023-22128", referenceUrls: finding.packageVulnerabilityDetails.referenceUrls },
    });
    expect(JSON.parse(s.resources!.doc.toString())).toEqual({ resources: finding.resources });
    expect(s.own.toString()).not.toContain(finding.findingArn);
    expect(rejoin(finding)).toEqual(finding);
  });

  it("gives two findings of one vulnerability on one image the same parts, and different ones otherwise", () => {
    const other = { ...finding, findingArn: finding.findingArn.replace("c4ca", "aaaa"), status: "CLOSED", inspectorScore: 9.1 };
    const [a, b] = [split(finding), split(other)];
    expect(b.own.equals(a.own)).toBe(false);
    expect(b.vulnerability!.id).toBe(a.vulnerability!.id);
    expect(b.resources!.id).toBe(a.resources!.id);
    const elsewhere = split({ ...finding, resources: [{ ...finding.resources[0], id: "i-0abc" }] });
    expect(elsewhere.resources!.id).not.toBe(a.resources!.id);
    expect(elsewhere.vulnerability!.id).toBe(a.vulnerability!.id);
    expect(a.vulnerability!.id).toBe(rawPartId(a.vulnerability!.doc));
    expect(a.vulnerability!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("leaves a finding without shared members whole, and reads rows stored whole as they are", () => {
    const bare = { findingArn: "arn:x", awsAccountId: "111122223333", status: "ACTIVE", packageVulnerabilityDetails: {} };
    const s = split(bare);
    expect([s.vulnerability, s.resources]).toEqual([null, null]);
    expect(rejoin(bare)).toEqual(bare);
    expect(joinRawFinding({ arn: finding.findingArn, account_id: finding.awsAccountId, raw: JSON.stringify(finding) })).toEqual(finding);
    expect(joinRawFinding({ arn: "arn:y", account_id: "111122223333", raw: "not json" })).toEqual({ findingArn: "arn:y", awsAccountId: "111122223333" });
  });

  it("puts any finding back as JSON.parse read it, whatever its members, values and whitespace", () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const members = fc.record(
      {
        title: fc.string(), description: fc.string(), status: fc.string(), remediation: value, inspectorScoreDetails: value, resources: value,
        packageVulnerabilityDetails: fc.oneof(value, fc.dictionary(fc.constantFrom("vulnerablePackages", "vulnerabilityId", "cvss", "source"), value)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), members, fc.constantFrom(undefined, 1, 2), (extra, known, indent) => {
        const doc = { ...extra, ...known, findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/x", awsAccountId: "111122223333" };
        expect(rejoin(doc, indent)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
      { numRuns: 400 },
    );
  });
});
