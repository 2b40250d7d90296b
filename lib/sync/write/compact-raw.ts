// Compacts the raw JSON of findings cached before the current split (lib/domain/raw-finding-parts.ts):
// rows held whole (before migration finding_raw_parts) are split into their pieces, and own parts
// that still hold members a column repeats (split before those were left out) lose them, as do the
// installed packages (moved to their own shared part by migration finding_raw_installed_part). In batches
// by ARN, online: each batch is one short statement, so the sync and the app go on meanwhile. A row
// the sync has rewritten since it was read (its text changed) is left as the sync wrote it. Run
// again, it finds nothing left to compact.
import type pg from "pg";
import { modelledColumns, rawPartId, splitRawFinding, type ModelledColumns } from "@/lib/domain/raw-finding-parts";
import { insertRawPartsSql, recordSeparated } from "./raw-parts-sql";

type Queryable = Pick<pg.Pool, "query">;

export interface CompactRawResult {
  /** Rows read (every finding). */
  read: number;
  /** Rows rewritten: split into their own part and shared parts, or their own part compacted. */
  split: number;
}

// A row is split only if it still holds the text that was read: its md5 (as rawPartId writes it).
const SPLIT_SQL = `
WITH parts AS (${insertRawPartsSql("$6", "$7")}
  RETURNING 1
)
UPDATE findings f SET raw = v.own, raw_vulnerability_part = COALESCE(v.vulnerability, f.raw_vulnerability_part),
  raw_resources_part = COALESCE(v.resources, f.raw_resources_part), raw_installed_part = COALESCE(v.installed, f.raw_installed_part)
FROM ROWS FROM (unnest($1::text[]), string_to_table($2::text, chr(30)), unnest($3::uuid[]), unnest($4::uuid[]), unnest($5::uuid[]),
  unnest($8::uuid[]))
  AS v(arn, own, vulnerability, resources, was, installed)
WHERE f.arn = v.arn AND md5(f.raw)::uuid = v.was`;

// The columns the split leaves members out for (raw-finding-parts.ts). A GONE row's status column
// is not what Inspector sent: gone_from_status is. The sync's GONE marking leaves raw as it is, and
// the md5 test above sees only raw, which is why the status is read through modelledColumns.
const MODELLED_COLUMNS = "type, status, gone_from_status, fix_available, exploit_available, inspector_score, epss_score, first_observed_at, last_observed_at, severity, updated_at";

export async function compactRaw(db: Queryable, opts: { batchSize?: number; onBatch?: (r: CompactRawResult) => void } = {}): Promise<CompactRawResult> {
  const batchSize = opts.batchSize ?? 2_000;
  const total: CompactRawResult = { read: 0, split: 0 };
  let after = "";
  for (;;) {
    const { rows } = await db.query<{ arn: string; raw: string; gone_from_status: string | null } & ModelledColumns>(
      `SELECT arn, raw, ${MODELLED_COLUMNS} FROM findings WHERE arn > $1 ORDER BY arn LIMIT $2`,
      [after, batchSize],
    );
    if (!rows.length) return total;
    after = rows[rows.length - 1].arn;
    total.read += rows.length;
    const arns: string[] = [], owns: Buffer[] = [], vulnerability: (string | null)[] = [], resources: (string | null)[] = [], was: string[] = [];
    const installed: (string | null)[] = [];
    const parts = new Map<string, Buffer>();
    for (const r of rows) {
      const text = Buffer.from(r.raw, "utf8");
      const split = splitRawFinding(text, modelledColumns(r));
      // Nothing to move: already its own part only, without what the columns repeat. A row split
      // before keeps its shared parts (an own part holds none of their members: the SQL's COALESCE).
      if (split.own.equals(text)) continue;
      arns.push(r.arn);
      owns.push(split.own);
      vulnerability.push(split.vulnerability?.id ?? null);
      resources.push(split.resources?.id ?? null);
      installed.push(split.installed?.id ?? null);
      was.push(rawPartId(text));
      for (const p of [split.vulnerability, split.resources, split.installed]) if (p) parts.set(p.id, p.doc);
    }
    if (arns.length) {
      const ids = [...parts.keys()];
      const res = await db.query(SPLIT_SQL, [arns, recordSeparated(owns, (i) => `finding ${arns[i]}`), vulnerability, resources, was,
        ids, recordSeparated([...parts.values()], (i) => `raw part ${ids[i]}`), installed]);
      total.split += res.rowCount ?? 0;
    }
    opts.onBatch?.(total);
  }
}
