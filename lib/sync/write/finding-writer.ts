// Bulk upsert of mapped findings: one parameterised statement per batch (column arrays through
// unnest), idempotent, in its own implicit transaction, so a crash leaves whole batches only.
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

export function findingColumns(rows: FindingRow[]): unknown[][] {
  const cols: unknown[][] = Array.from({ length: 27 }, () => new Array(rows.length));
  rows.forEach((r, i) => {
    const v = [
      r.arn, r.accountId, r.region, r.type, r.title, r.description, r.severity, r.status,
      r.inspectorScore, r.cvssScore, r.epssScore, r.exploitAvailable, r.fixAvailable, r.vulnerabilityId,
      JSON.stringify(r.packages), JSON.stringify(r.packageNames),
      r.resourceType, r.resourceId, r.resourceName, JSON.stringify(r.resourceTags), r.amiId, r.ecrRepository, r.ecrImageHash,
      r.firstObservedAt, r.lastObservedAt, r.updatedAt, r.raw,
    ];
    for (let c = 0; c < v.length; c++) cols[c][i] = v[c];
  });
  return cols;
}

export async function upsertFindings(
  db: Queryable,
  rows: FindingRow[],
  ctx: { runId: number | null; syncedAt: Date },
): Promise<WriteResult> {
  if (!rows.length) return { written: 0, inserted: 0, events: 0 };
  const unique = dedupeByArn(rows);
  const res = await db.query(UPSERT_FINDINGS_SQL, [...findingColumns(unique), ctx.syncedAt, ctx.runId]);
  const r = res.rows[0] as WriteResult;
  return { written: r.written, inserted: r.inserted, events: r.events };
}
