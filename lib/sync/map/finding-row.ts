// Raw Inspector finding → the row the cache stores. Pure: no I/O, unit-tested next door.
import type { Finding } from "@aws-sdk/client-inspector2";
import { z } from "zod";
import { accountIdSchema } from "@/lib/domain/account-id";
import { toSeverity, type Severity } from "@/lib/domain/severity";
import type { FindingStatus } from "@/lib/domain/finding-enums";
import { findingStatusSchema } from "@/lib/domain/enum-schemas";
import { wireFindingJson } from "@/lib/aws/fast-findings-protocol";
import { cvssBaseScore, epssScore, inspectorScore } from "./finding-scores";
import { findingPackages, packageNames } from "./finding-packages";
import { otherResources, primaryResource, type OtherResource, type ResourceColumns } from "./finding-resource";
import { findingKey, relatedVulnerabilities } from "./finding-key";
import { exploitAvailable, lastKnownExploitAt, type ExploitAvailable } from "./finding-exploit";
import { findingUsage, type FindingUsage } from "./finding-usage";

export interface FindingRow extends ResourceColumns, FindingUsage {
  arn: string;
  accountId: string;
  region: string;
  type: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  inspectorScore: number | null;
  cvssScore: number | null;
  epssScore: number | null;
  exploitAvailable: ExploitAvailable;
  /** exploitabilityDetails.lastKnownExploitAt, when Inspector gives it. */
  lastKnownExploitAt: Date | null;
  fixAvailable: string | null;
  vulnerabilityId: string | null;
  findingKey: string;
  relatedVulnerabilities: string[];
  /** Resources 2…n (the first is the resource_* columns). */
  otherResources: OtherResource[];
  /** The installed versions stay in the raw JSON (packageVulnerabilityDetails.vulnerablePackages). */
  packageNames: string[];
  firstObservedAt: Date;
  lastObservedAt: Date;
  updatedAt: Date;
  /** The complete finding as JSON: the API's own UTF-8 bytes when known (a view of the response
   *  body, never copied until written), else serialised text (ISO timestamps). */
  raw: string | Buffer;
}

// The API boundary: the fields the cache cannot do without. Everything else is optional.
const date = z.date().refine((d) => !Number.isNaN(d.getTime()), "invalid date");
const wireFinding = z.object({
  // The ARN keys the row: one that PostgreSQL's text cannot hold is refused, not altered.
  findingArn: z.string().min(1).regex(/^[^\0]*$/, "expected text without a NUL character"),
  awsAccountId: accountIdSchema,
  type: z.string().min(1),
  status: findingStatusSchema,
  firstObservedAt: date,
  lastObservedAt: date,
  updatedAt: date.optional(),
});

export type MapResult = { ok: true; row: FindingRow } | { ok: false; arn: string | undefined; error: string };

export function toFindingRow(f: Finding, region: string): MapResult {
  const v = wireFinding.safeParse(f);
  if (!v.success) {
    const issue = v.error.issues[0];
    return { ok: false, arn: f.findingArn, error: `${issue.path.join(".")}: ${issue.message}` };
  }
  const vulnerabilityId = f.packageVulnerabilityDetails?.vulnerabilityId ?? null;
  return {
    ok: true,
    row: {
      arn: v.data.findingArn,
      accountId: v.data.awsAccountId,
      region,
      type: v.data.type,
      title: f.title || vulnerabilityId || v.data.type,
      severity: toSeverity(f.severity),
      status: v.data.status,
      inspectorScore: inspectorScore(f),
      cvssScore: cvssBaseScore(f),
      epssScore: epssScore(f),
      exploitAvailable: exploitAvailable(f),
      lastKnownExploitAt: lastKnownExploitAt(f),
      fixAvailable: f.fixAvailable ?? null,
      vulnerabilityId,
      findingKey: findingKey(f),
      relatedVulnerabilities: relatedVulnerabilities(f),
      otherResources: otherResources(f),
      packageNames: packageNames(findingPackages(f)),
      ...primaryResource(f),
      ...findingUsage(f),
      firstObservedAt: v.data.firstObservedAt,
      lastObservedAt: v.data.lastObservedAt,
      // A status change moves updatedAt; without one the last observation is the best we have.
      updatedAt: v.data.updatedAt ?? v.data.lastObservedAt,
      raw: wireFindingJson(f) ?? JSON.stringify(f),
    },
  };
}
