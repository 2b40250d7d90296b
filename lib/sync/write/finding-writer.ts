// Bulk upsert of mapped findings: one parameterised statement per batch, idempotent, in its own
// implicit transaction, so a crash leaves whole batches only.
import type pg from "pg";
import type { FindingRow } from "../map/finding-row";
import { INSERT_NEW_FINDINGS_SQL, UPSERT_FINDINGS_SQL } from "./upsert-findings-sql";
import { recordSeparated } from "./raw-parts-sql";
import { retryOnDeadlock } from "../util/retry-deadlock";
import { splitRawFinding } from "@/lib/domain/raw-finding-parts";
import { jsonWithoutNul } from "@/lib/domain/without-nul";

export interface WriteResult {
  /** Findings of the batch the cache now holds as listed: changed ones plus unchanged ones marked seen. */
  written: number;
  /** Rows inserted or rewritten (a new version, or a modelled column differs). */
  changed: number;
  inserted: number;
  events: number;
  /** insertNewFindings: whether the batch was written by the first load's insert (false: a finding was
   *  held, so it was upserted). */
  byInsert?: boolean;
}

type Queryable = Pick<pg.Pool, "query">;
type Pool = Queryable & Pick<pg.Pool, "connect">;

/** Two pages may carry the same finding when the data moves under the cursor: keep the newest. */
export function dedupeByArn(rows: FindingRow[]): FindingRow[] {
  const byArn = new Map<string, FindingRow>();
  for (const r of rows) {
    const seen = byArn.get(r.arn);
    if (!seen || seen.updatedAt <= r.updatedAt) byArn.set(r.arn, r);
  }
  return byArn.size === rows.length ? rows : [...byArn.values()];
}

export interface FindingsPayload {
  /** The batch's columns as one JSON array. */
  columns: string;
  /** Each finding's own part of its raw JSON (raw-finding-parts.ts), UTF-8, joined by the record separator. */
  raws: Buffer;
  /** Per finding, the ids of its vulnerability, resources and installed parts (null when it has none). */
  vulnerabilityParts: (string | null)[];
  resourcesParts: (string | null)[];
  installedParts: (string | null)[];
  /** The batch's distinct parts: ids, and their texts joined by the record separator. */
  partIds: string[];
  partDocs: Buffer;
}

/** The batch as the statement reads it. Raw JSON travels as bytes the response already held, split
 *  by views of them (pg sends a Buffer parameter in binary format, which for text is the UTF-8
 *  itself: no string is built or encoded); a part shared by many findings of the batch travels once. */
export function findingsPayload(rows: FindingRow[]): FindingsPayload {
  const cols = new Array<unknown>(rows.length);
  const owns = new Array<Buffer>(rows.length);
  const vulnerabilityParts = new Array<string | null>(rows.length);
  const resourcesParts = new Array<string | null>(rows.length);
  const installedParts = new Array<string | null>(rows.length);
  const parts = new Map<string, Buffer>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    // Keys a…z, A… in DOCUMENT_COLUMNS order (the writer test checks they agree).
    cols[i] = {
      a: r.arn, b: r.accountId, c: r.region, d: r.type, e: r.title, f: r.severity, g: r.status, h: r.inspectorScore,
      i: r.cvssScore, j: r.epssScore, k: r.exploitAvailable, l: r.fixAvailable, m: r.vulnerabilityId, n: r.packageNames,
      o: r.resourceType, p: r.resourceId, q: r.resourceName, r: r.resourceTags, s: r.amiId, t: r.ecrRepository, u: r.ecrImageHash,
      v: r.firstObservedAt.getTime(), w: r.lastObservedAt.getTime(), x: r.updatedAt.getTime(), y: r.findingKey,
      z: r.relatedVulnerabilities, A: r.lastKnownExploitAt?.getTime() ?? null, B: r.otherResources, C: r.inUseCount,
      D: r.lastInUseAt?.getTime() ?? null, E: r.provider, F: r.providerAccountId,
    };
    const split = splitRawFinding(typeof r.raw === "string" ? Buffer.from(r.raw, "utf8") : r.raw, {
      type: r.type, status: r.status, fix_available: r.fixAvailable, exploit_available: r.exploitAvailable, inspector_score: r.inspectorScore,
      epss_score: r.epssScore, first_observed_at: r.firstObservedAt, last_observed_at: r.lastObservedAt, severity: r.severity, updated_at: r.updatedAt,
    });
    owns[i] = split.own;
    vulnerabilityParts[i] = split.vulnerability?.id ?? null;
    resourcesParts[i] = split.resources?.id ?? null;
    installedParts[i] = split.installed?.id ?? null;
    for (const part of [split.vulnerability, split.resources, split.installed]) if (part && !parts.has(part.id)) parts.set(part.id, part.doc);
  }
  const partIds = [...parts.keys()];
  return {
    // A NUL in any column's text would fail the batch: U+FFFD takes its place (the raw JSON keeps it).
    columns: jsonWithoutNul(JSON.stringify(cols)),
    raws: recordSeparated(owns, (i) => `finding ${rows[i].arn}`),
    vulnerabilityParts,
    resourcesParts,
    installedParts,
    partIds,
    partDocs: recordSeparated([...parts.values()], (i) => `raw part ${partIds[i]}`),
  };
}

export async function upsertFindings(db: Queryable, rows: FindingRow[], ctx: { runId: number | null; syncedAt: Date }): Promise<WriteResult> {
  if (!rows.length) return { written: 0, changed: 0, inserted: 0, events: 0 };
  const unique = dedupeByArn(rows);
  return upsertPayload(db, unique, findingsPayload(unique), ctx);
}

async function upsertPayload(db: Queryable, unique: FindingRow[], p: FindingsPayload, ctx: { runId: number | null; syncedAt: Date }): Promise<WriteResult> {
  const params = [p.columns, ctx.syncedAt, ctx.runId, unique.map((r) => r.arn), p.raws, p.vulnerabilityParts, p.resourcesParts, p.partIds, p.partDocs, p.installedParts];
  const res = await retryOnDeadlock("findings upsert", () => db.query({ name: "upsert_findings", text: UPSERT_FINDINGS_SQL, values: params }));
  const r = res.rows[0] as Omit<WriteResult, "written">;
  return { written: unique.length, changed: r.changed, inserted: r.inserted, events: r.events };
}

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = "23505";

/** A first load's batch (the run began on an empty cache: run-sync's bulk mode), written by a plain
 *  insert (INSERT_NEW_FINDINGS_SQL); a finding the cache holds after all (listed twice) fails it on
 *  the primary key, and the batch is upserted instead. Same result as upsertFindings. */
export async function insertNewFindings(pool: Pool, rows: FindingRow[], ctx: { runId: number | null; syncedAt: Date }): Promise<WriteResult> {
  if (!rows.length) return { written: 0, changed: 0, inserted: 0, events: 0 };
  const unique = dedupeByArn(rows);
  const p = findingsPayload(unique);
  // One connection for the insert and, if a finding was held, the upsert after it: the pool's own
  // query() closes a connection whose statement failed, and the embedded PGlite (one session) keeps
  // a closed connection's named statements, so the next connection could not prepare this one again.
  const client = await pool.connect();
  try {
    const params = [p.columns, ctx.syncedAt, p.raws, p.vulnerabilityParts, p.resourcesParts, p.installedParts, p.partIds, p.partDocs];
    const inserted = await retryOnDeadlock("findings insert", () => client.query({ name: "insert_new_findings", text: INSERT_NEW_FINDINGS_SQL, values: params }))
      .then((res) => res.rows[0] as Omit<WriteResult, "written">, (err: unknown) => {
        if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) return null; // rolled back whole: upserted below
        throw err;
      });
    return inserted ? { written: unique.length, ...inserted, byInsert: true } : { ...(await upsertPayload(client, unique, p, ctx)), byInsert: false };
  } finally {
    client.release(); // a broken connection is not reused: the pool checks it
  }
}
