// The coverage rows that identify an artifact in the cache: an image by repository and digest (or
// tag), a Lambda function version, an instance, or every instance launched from an AMI.
import type pg from "pg";
import type { Artifact } from "@/lib/gate/artifact";
import { likeEscape } from "@/lib/queries/like-pattern";

export interface CoverageRow {
  account_id: string;
  region: string;
  resource_id: string;
  scan_status_code: string;
  scan_status_reason: string | null;
  last_scanned_at: Date | null;
  metadata: { ecrImage?: { tags?: string[] } } | null;
}

const COLUMNS = `account_id, region, resource_id, scan_status_code, scan_status_reason, last_scanned_at, metadata`;
const narrow = `($2::text IS NULL OR account_id = $2) AND ($3::text IS NULL OR region = $3)`;

export async function artifactCoverage(pool: pg.Pool, a: Artifact): Promise<CoverageRow[]> {
  const where = [a.accountId ?? null, a.region ?? null];
  if (a.kind === "ecr-image") {
    if (a.digest) {
      const q = `SELECT ${COLUMNS} FROM covered_resources WHERE resource_type = 'AWS_ECR_CONTAINER_IMAGE' AND scan_type = 'PACKAGE' AND ${narrow} AND resource_id LIKE $1`;
      return (await pool.query<CoverageRow>(q, [`%:repository/${likeEscape(a.repository)}/${a.digest}`, ...where])).rows;
    }
    const q = `SELECT ${COLUMNS} FROM covered_resources WHERE resource_type = 'AWS_ECR_CONTAINER_IMAGE' AND scan_type = 'PACKAGE' AND ${narrow}
      AND metadata->'ecrRepository'->>'name' = $1 AND metadata->'ecrImage'->'tags' ? $4`;
    return (await pool.query<CoverageRow>(q, [a.repository, ...where, a.tag])).rows;
  }
  if (a.kind === "lambda-function") {
    const q = `SELECT ${COLUMNS} FROM covered_resources WHERE resource_type = 'AWS_LAMBDA_FUNCTION' AND scan_type = 'PACKAGE' AND ${narrow} AND resource_id LIKE $1`;
    return (await pool.query<CoverageRow>(q, [`%:function:${likeEscape(a.functionName)}:${likeEscape(a.qualifier ?? "$LATEST")}`, ...where])).rows;
  }
  if (a.kind === "ec2-instance") {
    const q = `SELECT ${COLUMNS} FROM covered_resources WHERE resource_type = 'AWS_EC2_INSTANCE' AND scan_type = 'PACKAGE' AND ${narrow} AND resource_id = $1`;
    return (await pool.query<CoverageRow>(q, [a.instanceId, ...where])).rows;
  }
  const q = `SELECT ${COLUMNS} FROM covered_resources WHERE resource_type = 'AWS_EC2_INSTANCE' AND scan_type = 'PACKAGE' AND ${narrow} AND metadata->'ec2'->>'amiId' = $1`;
  return (await pool.query<CoverageRow>(q, [a.amiId, ...where])).rows;
}
