// Splits the raw JSON of findings cached before migration finding_raw_parts into its pieces
// (lib/domain/raw-finding-parts.ts), in batches by ARN, online: each batch is one short statement,
// so the sync and the app go on meanwhile. A row the sync has rewritten since it was read (its text
// changed) is left as the sync wrote it. Run again, it finds nothing left to split.
import type pg from "pg";
import { rawPartId, splitRawFinding } from "@/lib/domain/raw-finding-parts";
import { insertRawPartsSql, recordSeparated } from "./raw-parts-sql";

type Queryable = Pick<pg.Pool, "query">;

export interface CompactRawResult {
  /** Rows read: those still holding their whole JSON. */
  read: number;
  /** Rows rewritten as their own part and shared parts. */
  split: number;
}

// A row is split only if it still holds the text that was read: its md5 (as rawPartId writes it).
const SPLIT_SQL = `
WITH parts AS (${insertRawPartsSql("$6", "$7")}
  RETURNING 1
)
UPDATE findings f SET raw = v.own, raw_vulnerability_part = v.vulnerability, raw_resources_part = v.resources
FROM ROWS FROM (unnest($1::text[]), string_to_table($2::text, chr(30)), unnest($3::uuid[]), unnest($4::uuid[]), unnest($5::uuid[]))
  AS v(arn, own, vulnerability, resources, was)
WHERE f.arn = v.arn AND f.raw_vulnerability_part IS NULL AND f.raw_resources_part IS NULL AND md5(f.raw)::uuid = v.was`;

export async function compactRaw(db: Queryable, opts: { batchSize?: number; onBatch?: (r: CompactRawResult) => void } = {}): Promise<CompactRawResult> {
  const batchSize = opts.batchSize ?? 2_000;
  const total: CompactRawResult = { read: 0, split: 0 };
  let after = "";
  for (;;) {
    const { rows } = await db.query<{ arn: string; raw: string }>(
      `SELECT arn, raw FROM findings WHERE arn > $1 AND raw_vulnerability_part IS NULL AND raw_resources_part IS NULL ORDER BY arn LIMIT $2`,
      [after, batchSize],
    );
    if (!rows.length) return total;
    after = rows[rows.length - 1].arn;
    total.read += rows.length;
    const arns: string[] = [], owns: Buffer[] = [], vulnerability: (string | null)[] = [], resources: (string | null)[] = [], was: string[] = [];
    const parts = new Map<string, Buffer>();
    for (const r of rows) {
      const text = Buffer.from(r.raw, "utf8");
      const split = splitRawFinding(text);
      if (split.own.equals(text)) continue; // nothing to move (already its own part only)
      arns.push(r.arn);
      owns.push(split.own);
      vulnerability.push(split.vulnerability?.id ?? null);
      resources.push(split.resources?.id ?? null);
      was.push(rawPartId(text));
      for (const p of [split.vulnerability, split.resources]) if (p) parts.set(p.id, p.doc);
    }
    if (arns.length) {
      const ids = [...parts.keys()];
      const res = await db.query(SPLIT_SQL, [arns, recordSeparated(owns, (i) => `finding ${arns[i]}`), vulnerability, resources, was,
        ids, recordSeparated([...parts.values()], (i) => `raw part ${ids[i]}`)]);
      total.split += res.rowCount ?? 0;
    }
    opts.onBatch?.(total);
  }
}
