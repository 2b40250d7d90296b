import { describe, expect, it } from "vitest";
import type { Finding } from "@aws-sdk/client-inspector2";
import { ecrFinding } from "./fixtures";
import { toFindingRow, type FindingRow } from "./finding-row";
import { cvssBaseScore, epssScore } from "./finding-scores";
import { primaryResource } from "./finding-resource";
import { findingPackages } from "./finding-packages";

function row(f: Finding): FindingRow {
  const r = toFindingRow(f, "us-east-1");
  if (!r.ok) throw new Error(r.error);
  return r.row;
}

describe("toFindingRow", () => {
  it("maps the normalised columns of an ECR package finding", () => {
    const r = row(ecrFinding());
    expect(r).toMatchObject({
      arn: "arn:aws:inspector2:us-east-1:111122223333:finding/0123456789abcdef0123456789abcdef",
      accountId: "111122223333",
      region: "us-east-1",
      severity: "MEDIUM",
      status: "ACTIVE",
      inspectorScore: 5.9,
      cvssScore: 7.4,
      epssScore: 0.00045,
      exploitAvailable: "YES",
      fixAvailable: "PARTIAL",
      findingKey: "CVE-2024-6119",
      relatedVulnerabilities: [],
      otherResources: [],
      vulnerabilityId: "CVE-2024-6119",
      resourceType: "AWS_ECR_CONTAINER_IMAGE",
      resourceName: "app:v1.2",
      resourceTags: { team: "payments" },
      ecrRepository: "app",
      ecrImageHash: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      amiId: null,
      packageNames: ["openssl", "libssl3t64"],
    });
    expect(r.updatedAt.toISOString()).toBe("2024-09-05T10:00:00.000Z");
  });

  it("keeps the complete finding as JSON with ISO timestamps", () => {
    const raw = JSON.parse(String(row(ecrFinding()).raw));
    expect(raw.firstObservedAt).toBe("2024-09-04T16:55:38.411Z");
    expect(raw.resources[0].details.awsEcrContainerImage.pushedAt).toBe("2024-09-04T16:55:28.000Z");
    expect(raw.remediation.recommendation.text).toBe("None Provided");
  });

  it("treats unknown severities as UNTRIAGED and keeps exploitAvailable as YES, NO or not applicable", () => {
    const r = row(ecrFinding({ severity: "WHATEVER" as never, exploitAvailable: "NO" }));
    expect(r.severity).toBe("UNTRIAGED");
    expect(r.exploitAvailable).toBe("NO");
    expect(row(ecrFinding({ exploitAvailable: undefined })).exploitAvailable).toBeNull();
    expect(row(ecrFinding({ exploitAvailable: "MAYBE" as never })).exploitAvailable).toBeNull();
    const at = new Date("2024-08-01T00:00:00Z");
    expect(row(ecrFinding({ exploitabilityDetails: { lastKnownExploitAt: at } })).lastKnownExploitAt).toEqual(at);
    expect(row(ecrFinding()).lastKnownExploitAt).toBeNull();
  });

  it("falls back to lastObservedAt when updatedAt is missing, and to the CVE for a title", () => {
    const r = row(ecrFinding({ updatedAt: undefined, title: undefined }));
    expect(r.updatedAt.toISOString()).toBe("2024-09-04T16:55:38.411Z");
    expect(r.title).toBe("CVE-2024-6119");
  });

  it("rejects a finding without the fields the cache needs, naming the field", () => {
    const r = toFindingRow(ecrFinding({ awsAccountId: "12" }), "us-east-1");
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining("awsAccountId") });
    const s = toFindingRow(ecrFinding({ status: "OPEN" as never }), "us-east-1");
    expect(s.ok).toBe(false);
  });
});

describe("finding parts", () => {
  it("prefers the newest CVSS version, NVD on a tie, then the adjusted CVSS", () => {
    expect(cvssBaseScore(ecrFinding())).toBe(7.4);
    expect(cvssBaseScore(ecrFinding({ packageVulnerabilityDetails: { vulnerabilityId: "X", source: "NVD" } }))).toBe(5.9);
    expect(cvssBaseScore(ecrFinding({ packageVulnerabilityDetails: undefined, inspectorScoreDetails: undefined }))).toBeNull();
    expect(epssScore(ecrFinding({ epss: undefined }))).toBeNull();
  });

  it("stores NotAvailable fixed versions as null and keeps file paths", () => {
    const p = findingPackages(ecrFinding());
    expect(p[1]).toEqual({ name: "libssl3t64", version: "3.0.13", fixedInVersion: null, packageManager: "OS", remediation: null, filePath: null });
    expect(p[2].filePath).toBe("/usr/lib/x");
  });

  it("names EC2 instances by id, Lambda functions by name, untagged images by digest", () => {
    const ec2 = primaryResource(ecrFinding({
      resources: [{ type: "AWS_EC2_INSTANCE", id: "i-0abc", details: { awsEc2Instance: { imageId: "ami-123" } } }],
    }));
    expect(ec2).toMatchObject({ resourceName: "i-0abc", amiId: "ami-123", ecrRepository: null });
    const fn = primaryResource(ecrFinding({
      resources: [{ type: "AWS_LAMBDA_FUNCTION", id: "arn:aws:lambda:us-east-1:111122223333:function:pay:$LATEST",
        details: { awsLambdaFunction: { functionName: "pay", runtime: "NODEJS_18_X", codeSha256: "x", version: "$LATEST", executionRoleArn: "r" } } }],
    }));
    expect(fn.resourceName).toBe("pay");
    const untagged = primaryResource(ecrFinding({
      resources: [{ type: "AWS_ECR_CONTAINER_IMAGE", id: "x", details: { awsEcrContainerImage: { repositoryName: "app", imageHash: "sha256:0123456789abcdef0123", registry: "1" } } }],
    }));
    expect(untagged.resourceName).toBe("app@sha256:0123456789ab");
  });
});
