// Bulk upsert of mapped findings: one parameterised statement per batch, idempotent, in its own
// implicit transaction, so a crash leaves whole batches only.
import type pg from "pg";
import type { FindingRow } from "../map/finding-row";
import { UPSERT_FINDINGS_SQL } from "./upsert-findings-sql";

export interface WriteResult {
  written: number;
  inserted: number;
  events: number;
}

type Queryable = Pick<pg.Pool, "query">;

/** Two pages may carry the same finding when the data moves under the cursor: keep the newest. */
export function dedupeByArn(rows: FindingRow[]): FindingRow[] {
  const byArn = new Map<string, FindingRow>();
  for (const r of rows) {
    const seen = byArn.get(r.arn);
    if (!seen || seen.updatedAt <= r.updatedAt) byArn.set(r.arn, r);
  }
  return byArn.size === rows.length ? rows : [...byArn.values()];
}

/** The batch as one JSON array; each finding's raw JSON is spliced in verbatim, not re-escaped. */
export function findingsPayload(rows: FindingRow[]): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const cols = JSON.stringify({
      arn: r.arn, account_id: r.accountId, region: r.region, type: r.type, title: r.title, description: r.description,
      severity: r.severity, status: r.status, inspector_score: r.inspectorScore, cvss_score: r.cvssScore, epss_score: r.epssScore,
      exploit_available: r.exploitAvailable, fix_available: r.fixAvailable, vulnerability_id: r.vulnerabilityId,
      packages: r.packages, package_names: r.packageNames, resource_type: r.resourceType, resource_id: r.resourceId,
      resource_name: r.resourceName, resource_tags: r.resourceTags, ami_id: r.amiId, ecr_repository: r.ecrRepository,
      ecr_image_hash: r.ecrImageHash, first_observed_at: r.firstObservedAt, last_observed_at: r.lastObservedAt, updated_at: r.updatedAt,
    });
    parts[i] = `${cols.slice(0, -1)},"raw":${r.raw}}`;
  }
  return `[${parts.join(",")}]`;
}

export async function upsertFindings(
  db: Queryable,
  rows: FindingRow[],
  ctx: { runId: number | null; syncedAt: Date },
): Promise<WriteResult> {
  if (!rows.length) return { written: 0, inserted: 0, events: 0 };
  const unique = dedupeByArn(rows);
  const res = await db.query(UPSERT_FINDINGS_SQL, [findingsPayload(unique), ctx.syncedAt, ctx.runId, unique.map((r) => r.arn)]);
  const r = res.rows[0] as WriteResult;
  return { written: r.written, inserted: r.inserted, events: r.events };
}
