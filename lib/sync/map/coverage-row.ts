// ListCoverage resource → covered_resources row, and the scan-type bucket of the coverage
// matrix (EC2 / ECR / LAMBDA / LAMBDA_CODE). Pure.
import type { CoveredResource } from "@aws-sdk/client-inspector2";
import type { ScanType } from "@/lib/domain/finding-enums";
import { jsonWithoutNul, textWithoutNul } from "@/lib/domain/without-nul";

export interface CoverageRow {
  accountId: string;
  region: string;
  resourceType: string;
  resourceId: string;
  scanType: string;
  scanStatusCode: string;
  scanStatusReason: string | null;
  scanMode: string | null;
  lastScannedAt: Date | null;
  resourceName: string | null;
  metadata: string;
}

/**
 * The one mapping of (resource type, scan type) to matrix column; a null scan type matches any.
 * Repositories are not counted: their images are the scanned resources. The SQL snapshot uses it too.
 */
export const COVERAGE_BUCKETS: { resourceType: string; scanType: string | null; bucket: ScanType }[] = [
  { resourceType: "AWS_EC2_INSTANCE", scanType: null, bucket: "EC2" },
  { resourceType: "AWS_ECR_CONTAINER_IMAGE", scanType: null, bucket: "ECR" },
  { resourceType: "AWS_LAMBDA_FUNCTION", scanType: "CODE", bucket: "LAMBDA_CODE" },
  { resourceType: "AWS_LAMBDA_FUNCTION", scanType: null, bucket: "LAMBDA" },
];

export function coverageScanType(resourceType: string, scanType: string): ScanType | null {
  const b = COVERAGE_BUCKETS.find((x) => x.resourceType === resourceType && (x.scanType === null || x.scanType === scanType));
  return b?.bucket ?? null;
}

function resourceName(c: CoveredResource): string | null {
  const m = c.resourceMetadata;
  if (m?.ec2) return m.ec2.tags?.Name ?? c.resourceId ?? null;
  if (m?.ecrImage) {
    const repo = m.ecrRepository?.name ?? c.resourceId?.match(/repository\/([^/]+)/)?.[1];
    const tag = m.ecrImage.tags?.[0];
    return repo ? (tag ? `${repo}:${tag}` : repo) : (c.resourceId ?? null);
  }
  if (m?.ecrRepository?.name) return m.ecrRepository.name;
  if (m?.lambdaFunction?.functionName) return m.lambdaFunction.functionName;
  if (m?.codeRepository?.projectName) return m.codeRepository.projectName;
  return c.resourceId ?? null;
}

const nullable = (s: string | null) => (s === null ? null : textWithoutNul(s));

export function toCoverageRow(c: CoveredResource, region: string): CoverageRow | null {
  if (!c.accountId || !c.resourceId || !c.resourceType || !c.scanType) return null;
  return {
    accountId: c.accountId,
    region,
    resourceType: c.resourceType,
    resourceId: textWithoutNul(c.resourceId),
    scanType: c.scanType,
    scanStatusCode: c.scanStatus?.statusCode ?? "INACTIVE",
    scanStatusReason: c.scanStatus?.reason ?? null,
    scanMode: c.scanMode ?? null,
    lastScannedAt: c.lastScannedAt ?? null,
    resourceName: nullable(resourceName(c)),
    metadata: jsonWithoutNul(JSON.stringify(c.resourceMetadata ?? {})),
  };
}
