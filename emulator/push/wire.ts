import type { World } from "../world/types";
import { imageResourceId, scanComplete, type PushedImage } from "./pushed-images";

// Pushed images as Inspector's wire shapes (epoch-second timestamps), like the generated world's.

const scanSeconds = (w: World, p: PushedImage) => Math.max(p.pushedAt, w.clock);

export function pushedCoverage(w: World, p: PushedImage, nowMs = Date.now()): Record<string, unknown> {
  const done = scanComplete(p, nowMs);
  const reason = p.scanFrequency === "MANUAL" ? "SCAN_FREQUENCY_MANUAL" : done ? "SUCCESSFUL" : "PENDING_INITIAL_SCAN";
  return {
    resourceType: "AWS_ECR_CONTAINER_IMAGE", resourceId: imageResourceId(p), accountId: p.accountId, scanType: "PACKAGE",
    scanStatus: { statusCode: done ? "ACTIVE" : "INACTIVE", reason },
    resourceMetadata: { ecrRepository: { name: p.repository, scanFrequency: p.scanFrequency }, ecrImage: { tags: p.tags, imagePulledAt: p.pushedAt } },
    ...(done ? { lastScannedAt: scanSeconds(w, p) } : {}),
  };
}

export function pushedFindings(w: World, p: PushedImage, nowMs = Date.now()): Record<string, unknown>[] {
  if (!scanComplete(p, nowMs)) return [];
  const at = scanSeconds(w, p);
  const resource = {
    type: "AWS_ECR_CONTAINER_IMAGE", id: imageResourceId(p), partition: "aws", region: p.region, tags: {},
    details: { awsEcrContainerImage: { repositoryName: p.repository, imageTags: p.tags, pushedAt: p.pushedAt, architecture: "amd64", imageHash: p.digest, registry: p.accountId, platform: "UBUNTU_22_04" } },
  };
  let k = 0;
  return p.packages.flatMap((pkg) => pkg.vulnerabilities.map((v) => {
    const fix = v.fixedInVersion !== "NotAvailable";
    return {
      findingArn: `arn:aws:inspector2:${p.region}:${p.accountId}:finding/${p.findingIds[k++]}`, awsAccountId: p.accountId,
      type: "PACKAGE_VULNERABILITY", title: `${v.id} - ${pkg.name}`, description: v.summary, severity: v.severity, status: "ACTIVE",
      firstObservedAt: at, lastObservedAt: at, updatedAt: at, remediation: { recommendation: { text: "None Provided" } }, resources: [resource],
      ...(v.severity === "UNTRIAGED" ? {} : { inspectorScore: v.cvss }),
      packageVulnerabilityDetails: {
        vulnerabilityId: v.id, source: "NVD", sourceUrl: `https://nvd.nist.gov/vuln/detail/${v.id}`, vendorSeverity: v.severity,
        vulnerablePackages: [{ name: pkg.name, version: pkg.version, fixedInVersion: v.fixedInVersion, packageManager: "OS", remediation: fix ? `Upgrade ${pkg.name} to ${v.fixedInVersion}` : "None Provided" }],
        cvss: [{ baseScore: v.cvss, scoringVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", version: "3.1", source: "NVD" }],
        referenceUrls: [`https://www.cve.org/CVERecord?id=${v.id}`], relatedVulnerabilities: [],
      },
      fixAvailable: fix ? "YES" : "NO", exploitAvailable: v.exploitAvailable ? "YES" : "NO",
      ...(v.exploitAvailable ? { exploitabilityDetails: { lastKnownExploitAt: at } } : {}), epss: { score: v.epss },
    };
  }));
}
