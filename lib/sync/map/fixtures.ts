// Findings as the SDK hands them over (timestamps already Date objects), for the mapping tests.
import type { Finding } from "@aws-sdk/client-inspector2";

export const ecrFinding = (over: Partial<Finding> = {}): Finding => ({
  findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/0123456789abcdef0123456789abcdef",
  awsAccountId: "111122223333",
  type: "PACKAGE_VULNERABILITY",
  title: "CVE-2024-6119 - openssl",
  description: "Issue summary",
  severity: "MEDIUM",
  status: "ACTIVE",
  firstObservedAt: new Date("2024-09-04T16:55:38.411Z"),
  lastObservedAt: new Date("2024-09-04T16:55:38.411Z"),
  updatedAt: new Date("2024-09-05T10:00:00.000Z"),
  remediation: { recommendation: { text: "None Provided" } },
  inspectorScore: 5.9,
  inspectorScoreDetails: { adjustedCvss: { scoreSource: "NVD", version: "3.1", score: 5.9, scoringVector: "CVSS:3.1/AV:N" } },
  resources: [
    {
      type: "AWS_ECR_CONTAINER_IMAGE",
      id: "arn:aws:ecr:us-east-1:111122223333:repository/app/sha256:abc",
      partition: "aws",
      region: "us-east-1",
      tags: { team: "payments" },
      details: {
        awsEcrContainerImage: {
          repositoryName: "app",
          imageTags: ["v1.2", "latest"],
          imageHash: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
          registry: "111122223333",
          pushedAt: new Date("2024-09-04T16:55:28Z"),
        },
      },
    },
  ],
  packageVulnerabilityDetails: {
    vulnerabilityId: "CVE-2024-6119",
    source: "UBUNTU_CVE",
    cvss: [
      { baseScore: 5.0, scoringVector: "AV:N", version: "2.0", source: "NVD" },
      { baseScore: 7.5, scoringVector: "CVSS:3.1/AV:N", version: "3.1", source: "UBUNTU_CVE" },
      { baseScore: 7.4, scoringVector: "CVSS:3.1/AV:N", version: "3.1", source: "NVD" },
    ],
    vulnerablePackages: [
      { name: "openssl", version: "3.0.13", fixedInVersion: "0:3.0.13-0ubuntu3.4", packageManager: "OS", remediation: "apt-get upgrade" },
      { name: "libssl3t64", version: "3.0.13", fixedInVersion: "NotAvailable", packageManager: "OS" },
      { name: "openssl", version: "3.0.13", filePath: "/usr/lib/x" },
    ],
  },
  fixAvailable: "PARTIAL",
  exploitAvailable: "YES",
  epss: { score: 0.00045 },
  ...over,
});
