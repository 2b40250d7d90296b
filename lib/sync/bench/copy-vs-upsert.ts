// The write path against the database's own fastest load: the same rows (read back from a
// synced cache) are bulk-upserted into one fresh database and COPY'd into another, timed alike.
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "@/lib/db/client";
import type { FindingRow } from "../map/finding-row";
import { insertNewFindings, upsertFindings } from "../write/finding-writer";
import { benchDatabase } from "./bench-db";
import { joinRawFinding } from "@/lib/domain/raw-finding-parts";
import { RAW_PARTS_COLUMNS, RAW_PARTS_JOIN } from "@/lib/queries/findings/raw-parts-join";

export interface StoredRaw {
  /** The cache's own part of the raw JSON and the ids of its shared parts, as the COPY writes them. */
  own: string;
  vulnerabilityPart: string | null;
  resourcesPart: string | null;
  installedPart: string | null;
}

/** Pages of rows as the sync hands them to the writer (the whole raw JSON as UTF-8 bytes, which the
 *  writer splits), with the stored pieces the COPY lines are built from (the row's own part and part
 *  ids, and the shared parts' rows); converting between the two happens here, outside either timing. */
export async function* readRows(source: Database, pageSize: number): AsyncGenerator<{ rows: FindingRow[]; stored: StoredRaw[]; parts: Map<string, string> }> {
  let after = "";
  for (;;) {
    const { rows } = await source.pool.query(
      `SELECT arn, account_id, region, type, title, severity, status, inspector_score, cvss_score, epss_score,
         exploit_available, fix_available, vulnerability_id, package_names, resource_type, resource_id, resource_name,
         resource_tags, ami_id, ecr_repository, ecr_image_hash, first_observed_at, last_observed_at, updated_at, raw::text AS raw,
         finding_key, related_vulnerabilities, in_use_count, last_in_use_at, provider, provider_account_id,
         gone_from_status, raw_vulnerability_part, raw_resources_part, raw_installed_part,
         ${RAW_PARTS_COLUMNS}
       FROM findings f ${RAW_PARTS_JOIN}
       WHERE arn > $1 ORDER BY arn LIMIT $2`,
      [after, pageSize],
    );
    if (!rows.length) return;
    after = rows[rows.length - 1].arn;
    const parts = new Map<string, string>();
    for (const r of rows) {
      if (r.raw_vulnerability_part) parts.set(r.raw_vulnerability_part, r.raw_vulnerability);
      if (r.raw_resources_part) parts.set(r.raw_resources_part, r.raw_resources);
      if (r.raw_installed_part) parts.set(r.raw_installed_part, r.raw_installed);
    }
    const stored = rows.map((r) => ({ own: r.raw as string, vulnerabilityPart: r.raw_vulnerability_part, resourcesPart: r.raw_resources_part,
      installedPart: r.raw_installed_part }));
    yield { stored, parts, rows: rows.map((r) => ({
      arn: r.arn, accountId: r.account_id, region: r.region, type: r.type, title: r.title,
      severity: r.severity, status: r.status, inspectorScore: r.inspector_score, cvssScore: r.cvss_score, epssScore: r.epss_score,
      exploitAvailable: r.exploit_available, fixAvailable: r.fix_available, vulnerabilityId: r.vulnerability_id,
      packageNames: r.package_names, resourceType: r.resource_type, resourceId: r.resource_id, resourceName: r.resource_name,
      resourceTags: r.resource_tags, amiId: r.ami_id, ecrRepository: r.ecr_repository, ecrImageHash: r.ecr_image_hash,
      firstObservedAt: r.first_observed_at, lastObservedAt: r.last_observed_at, updatedAt: r.updated_at, raw: Buffer.from(JSON.stringify(joinRawFinding(r)), "utf8"),
      inUseCount: r.in_use_count, lastInUseAt: r.last_in_use_at, provider: r.provider, providerAccountId: r.provider_account_id,
      findingKey: r.finding_key, relatedVulnerabilities: r.related_vulnerabilities ?? [], lastKnownExploitAt: null, otherResources: [],
    })) };
  }
}

export const COPY_COLUMNS = `arn, account_id, region, type, title, severity, status, inspector_score, cvss_score, epss_score,
  exploit_available, fix_available, vulnerability_id, package_names, resource_type, resource_id, resource_name, resource_tags,
  ami_id, ecr_repository, ecr_image_hash, first_observed_at, last_observed_at, updated_at, raw, finding_key, raw_vulnerability_part,
  raw_resources_part, raw_installed_part`;

/** COPY text format: tab-separated, \N for null, backslash escapes. */
const text = (v: unknown): string => {
  if (v === null || v === undefined) return "\\N";
  const s = v instanceof Date ? v.toISOString() : typeof v === "string" ? v : JSON.stringify(v);
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
};
const pgArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;

export function copyLine(r: FindingRow, raw: StoredRaw): string {
  return [r.arn, r.accountId, r.region, r.type, r.title, r.severity, r.status, r.inspectorScore, r.cvssScore,
    r.epssScore, r.exploitAvailable, r.fixAvailable, r.vulnerabilityId, pgArray(r.packageNames),
    r.resourceType, r.resourceId, r.resourceName, r.resourceTags, r.amiId, r.ecrRepository, r.ecrImageHash, r.firstObservedAt,
    r.lastObservedAt, r.updatedAt, raw.own, r.findingKey, raw.vulnerabilityPart, raw.resourcesPart, raw.installedPart].map(text).join("\t") + "\n";
}

/** A page of rows as the sync writes them: bulk upserts of `batchSize` (`newOnly`: a first load's inserts). */
export async function upsertPage(db: Database, page: FindingRow[], batchSize = 500, newOnly = false): Promise<void> {
  for (let i = 0; i < page.length; i += batchSize) await (newOnly ? insertNewFindings : upsertFindings)(db.pool, page.slice(i, i + batchSize), { runId: null, syncedAt: new Date() });
}

/** A page of the cache's rows, as stored, by COPY: first the shared parts no earlier page of this
 *  database brought (`copied` remembers them), then the rows, `statementRows` to a COPY statement. */
export async function copyPage(db: Database, page: FindingRow[], stored: StoredRaw[], parts: Map<string, string>, copied: Set<string>, statementRows = page.length): Promise<void> {
  const client = await db.pool.connect();
  try {
    const newParts = [...parts].filter(([id]) => !copied.has(id));
    newParts.forEach(([id]) => copied.add(id));
    await pipeline(Readable.from(newParts.map(([id, doc]) => `${id}\t${text(doc)}\n`)), client.query(copyFrom("COPY finding_raw_parts (id, doc) FROM STDIN")));
    for (let i = 0; i < page.length; i += statementRows) {
      const rows = page.slice(i, i + statementRows);
      await pipeline(Readable.from(rows.map((r, j) => copyLine(r, stored[i + j]))), client.query(copyFrom(`COPY findings (${COPY_COLUMNS}) FROM STDIN`)));
    }
  } finally {
    client.release();
  }
}

/** `withUpsert` false: only the COPY (the large runs, where the sync itself is the upsert figure). */
export async function compareCopyAndUpsert(source: Database, batchSize = 500, withUpsert = true): Promise<{ rows: number; upsertPerSec: number; copyPerSec: number }> {
  const upsertDb = await benchDatabase();
  const copyDb = await benchDatabase();
  try {
    let rows = 0;
    let upsertMs = 0;
    let copyMs = 0;
    const copiedParts = new Set<string>();
    for await (const { rows: page, stored, parts } of readRows(source, 10_000)) {
      rows += page.length;
      let t = performance.now();
      if (withUpsert) await upsertPage(upsertDb, page, batchSize);
      upsertMs += performance.now() - t;
      t = performance.now();
      await copyPage(copyDb, page, stored, parts, copiedParts);
      copyMs += performance.now() - t;
    }
    return { rows, upsertPerSec: rows / (upsertMs / 1000), copyPerSec: rows / (copyMs / 1000) };
  } finally {
    await upsertDb.close();
    await copyDb.close();
  }
}
