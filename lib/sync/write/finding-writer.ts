// Bulk upsert of mapped findings: one parameterised statement per batch, idempotent, in its own
// implicit transaction, so a crash leaves whole batches only.
import type pg from "pg";
import type { FindingRow } from "../map/finding-row";
import { RAW_SEPARATOR, UPSERT_FINDINGS_SQL } from "./upsert-findings-sql";

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

/** The batch's columns as one JSON array, and its raw JSON texts joined by the record separator. */
export function findingsPayload(rows: FindingRow[]): { columns: string; raws: string } {
  const cols = new Array<unknown>(rows.length);
  const raws = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    cols[i] = {
      arn: r.arn, account_id: r.accountId, region: r.region, type: r.type, title: r.title, description: r.description,
      severity: r.severity, status: r.status, inspector_score: r.inspectorScore, cvss_score: r.cvssScore, epss_score: r.epssScore,
      exploit_available: r.exploitAvailable, fix_available: r.fixAvailable, vulnerability_id: r.vulnerabilityId,
      packages: r.packages, package_names: r.packageNames, resource_type: r.resourceType, resource_id: r.resourceId,
      resource_name: r.resourceName, resource_tags: r.resourceTags, ami_id: r.amiId, ecr_repository: r.ecrRepository,
      ecr_image_hash: r.ecrImageHash, first_observed_at: r.firstObservedAt, last_observed_at: r.lastObservedAt, updated_at: r.updatedAt,
    };
    // JSON.stringify escapes every control character, so a separator here means the row was built elsewhere.
    if (r.raw.includes(RAW_SEPARATOR)) throw new Error(`finding ${r.arn}: raw JSON contains an unescaped record separator`);
    raws[i] = r.raw;
  }
  return { columns: JSON.stringify(cols), raws: raws.join(RAW_SEPARATOR) };
}

export async function upsertFindings(
  db: Queryable,
  rows: FindingRow[],
  ctx: { runId: number | null; syncedAt: Date },
): Promise<WriteResult> {
  if (!rows.length) return { written: 0, inserted: 0, events: 0 };
  const unique = dedupeByArn(rows);
  const { columns, raws } = findingsPayload(unique);
  const res = await db.query(UPSERT_FINDINGS_SQL, [columns, ctx.syncedAt, ctx.runId, unique.map((r) => r.arn), raws]);
  const r = res.rows[0] as WriteResult;
  return { written: r.written, inserted: r.inserted, events: r.events };
}
