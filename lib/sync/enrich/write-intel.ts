// Stores fetched details per vulnerability in one transaction. KEV membership changes of a known
// state (NO→YES, YES→NO) become KEV events on every open finding of the vulnerability (the outbox
// alerts read); kev_seen_at keeps when the cache first saw it in KEV. A "not found" answer never
// overwrites details fetched earlier: it only counts as a fresh look.
import type pg from "pg";
import { withTransaction } from "@/lib/db/transaction";
import { lifecycleText } from "@/lib/queries/lifecycle-sql";
import type { IntelRow } from "./map-finding-detail";

const COLUMNS = `vulnerability_id, state, source_arn, basis_at, fetched_at, in_kev, kev_seen_at, kev_date_added, kev_date_due, kev_action,
  exploit_first_seen, exploit_last_seen, epss_score, risk_score, cwes, tools, ttps, reference_urls, evidences`;
// A "not found" after details were fetched keeps those details (only fetched_at and basis move).
const KEEP = "EXCLUDED.state = 'NOT_FOUND' AND vulnerability_intel.state = 'OK'";
const UPDATES = COLUMNS.split(",").map((c) => c.trim()).filter((c) => !["vulnerability_id", "fetched_at", "basis_at", "kev_seen_at"].includes(c))
  .map((c) => `${c} = CASE WHEN ${KEEP} THEN vulnerability_intel.${c} ELSE EXCLUDED.${c} END`).join(",\n         ");

export async function writeIntel(pool: pg.Pool, rows: IntelRow[], at: Date, runId: number): Promise<{ kevEvents: number }> {
  if (!rows.length) return { kevEvents: 0 };
  return withTransaction(pool, async (db) => {
    const ids = rows.map((r) => r.vulnerabilityId);
    const prev = await db.query<{ id: string; in_kev: boolean | null }>(
      "SELECT vulnerability_id AS id, in_kev FROM vulnerability_intel WHERE vulnerability_id = ANY($1::text[]) ORDER BY 1 FOR UPDATE", [ids]);
    const was = new Map(prev.rows.map((r) => [r.id, r.in_kev]));
    const doc = rows.map((r) => ({ ...r, evidences: JSON.stringify(r.evidences) }));
    await db.query(
      `INSERT INTO vulnerability_intel (${COLUMNS})
       SELECT t."vulnerabilityId", t.state, t."sourceArn", t."basisAt", $2, t."inKev", CASE WHEN t."inKev" THEN $2::timestamptz END, t."kevDateAdded", t."kevDateDue",
         t."kevAction", t."exploitFirstSeen", t."exploitLastSeen", t."epssScore", t."riskScore", t.cwes, t.tools, t.ttps, t."referenceUrls", t.evidences::jsonb
       FROM jsonb_to_recordset($1::jsonb) AS t("vulnerabilityId" text, state text, "sourceArn" text, "basisAt" timestamptz, "inKev" boolean,
         "kevDateAdded" timestamptz, "kevDateDue" timestamptz, "kevAction" text, "exploitFirstSeen" timestamptz, "exploitLastSeen" timestamptz,
         "epssScore" float8, "riskScore" int, cwes text[], tools text[], ttps text[], "referenceUrls" text[], evidences text)
       ON CONFLICT (vulnerability_id) DO UPDATE SET fetched_at = EXCLUDED.fetched_at,
         basis_at = GREATEST(vulnerability_intel.basis_at, EXCLUDED.basis_at),
         kev_seen_at = CASE WHEN ${KEEP} THEN vulnerability_intel.kev_seen_at
           WHEN EXCLUDED.in_kev THEN COALESCE(vulnerability_intel.kev_seen_at, EXCLUDED.kev_seen_at) END,
         ${UPDATES}`,
      [JSON.stringify(doc), at],
    );
    const changed = rows.filter((r) => r.inKev !== null && was.get(r.vulnerabilityId) != null && was.get(r.vulnerabilityId) !== r.inKev);
    if (!changed.length) return { kevEvents: 0 };
    const yn = (b: boolean) => (b ? "YES" : "NO");
    const ev = await db.query(
      `INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id)
       SELECT f.arn, $4, 'KEV', t.from_v, t.to_v, $5 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, from_v, to_v)
       JOIN findings f ON f.finding_key = t.id AND f.vulnerability_id = t.id AND ${lifecycleText("open", "f")}`,
      [changed.map((r) => r.vulnerabilityId), changed.map((r) => yn(!r.inKev)), changed.map((r) => yn(r.inKev!)), at, runId],
    );
    return { kevEvents: ev.rowCount ?? 0 };
  });
}
