// Bulk upsert of mapped findings: one parameterised statement per batch, idempotent, in its own
// implicit transaction, so a crash leaves whole batches only.
import type pg from "pg";
import type { FindingRow } from "../map/finding-row";
import { RAW_SEPARATOR, UPSERT_FINDINGS_SQL } from "./upsert-findings-sql";
import { retryOnDeadlock } from "../util/retry-deadlock";

export interface WriteResult {
  /** Findings of the batch the cache now holds as listed: changed ones plus unchanged ones marked seen. */
  written: number;
  /** Rows inserted or rewritten (a new version, or a modelled column differs). */
  changed: number;
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

const SEPARATOR = Buffer.from(RAW_SEPARATOR, "latin1");

/** The batch's columns as one JSON array, and its raw JSONs' UTF-8 bytes joined by the record
 *  separator: one copy of bytes the response already held, sent as they are (pg sends a Buffer
 *  parameter in binary format, which for text is the UTF-8 itself: no string is built or encoded). */
export function findingsPayload(rows: FindingRow[]): { columns: string; raws: Buffer } {
  const cols = new Array<unknown>(rows.length);
  const raws = new Array<Buffer>(Math.max(0, 2 * rows.length - 1));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    // Keys a…z, A… in DOCUMENT_COLUMNS order (the writer test checks they agree).
    cols[i] = {
      a: r.arn, b: r.accountId, c: r.region, d: r.type, e: r.title, f: r.description, g: r.severity, h: r.status,
      i: r.inspectorScore, j: r.cvssScore, k: r.epssScore, l: r.exploitAvailable, m: r.fixAvailable, n: r.vulnerabilityId,
      o: r.packages, p: r.packageNames, q: r.resourceType, r: r.resourceId, s: r.resourceName, t: r.resourceTags, u: r.amiId,
      v: r.ecrRepository, w: r.ecrImageHash, x: r.firstObservedAt.getTime(), y: r.lastObservedAt.getTime(), z: r.updatedAt.getTime(),
      A: r.findingKey, B: r.relatedVulnerabilities, C: r.lastKnownExploitAt?.getTime() ?? null, D: r.otherResources,
      E: r.inUseCount, F: r.lastInUseAt?.getTime() ?? null, G: r.provider, H: r.providerAccountId,
    };
    // JSON escapes every control character, so a separator here means the row was built elsewhere.
    const raw = typeof r.raw === "string" ? Buffer.from(r.raw, "utf8") : r.raw;
    if (raw.includes(0x1e)) throw new Error(`finding ${r.arn}: raw JSON contains an unescaped record separator`);
    if (i > 0) raws[2 * i - 1] = SEPARATOR;
    raws[2 * i] = raw;
  }
  return { columns: JSON.stringify(cols), raws: Buffer.concat(raws) };
}

export async function upsertFindings(
  db: Queryable,
  rows: FindingRow[],
  ctx: { runId: number | null; syncedAt: Date },
): Promise<WriteResult> {
  if (!rows.length) return { written: 0, changed: 0, inserted: 0, events: 0 };
  const unique = dedupeByArn(rows);
  const { columns, raws } = findingsPayload(unique);
  const res = await retryOnDeadlock("findings upsert", () => db.query(UPSERT_FINDINGS_SQL, [columns, ctx.syncedAt, ctx.runId, unique.map((r) => r.arn), raws]));
  const r = res.rows[0] as Omit<WriteResult, "written">;
  return { written: unique.length, changed: r.changed, inserted: r.inserted, events: r.events };
}
