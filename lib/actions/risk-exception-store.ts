// Writes for risk exceptions, shared by the server actions and the JSON API. The target must
// exist in the cache: an exception for a finding or CVE we have never seen is a typo. A vulnerability
// id is stored as the cache spells it, with the aliases the cache knows (related vulnerabilities both
// ways), so an exception on a CVE covers its GHSA findings and the other way round.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { exceptionInputSchema, fieldIssues, type FieldIssue } from "@/lib/review/exception-input";
import { expiryInstant } from "@/lib/review/exceptions";
import { keySpellings } from "@/lib/queries/findings/finding-key-sql";

const KEY_MATCH = `(f.finding_key = ANY($1::text[]) OR f.related_vulnerabilities && $1::text[])`;

export type WriteResult = { ok: true; id: number } | { ok: false; status: 400 | 404 | 409; issues: FieldIssue[] };

export async function createRiskException(input: unknown, now = new Date(), createdBy: string | null = null): Promise<WriteResult> {
  const parsed = exceptionInputSchema(now).safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: fieldIssues(parsed.error) };
  const v = parsed.data;
  const { pool, prisma } = db();
  if (v.findingArn) {
    const found = await pool.query(`SELECT 1 FROM findings WHERE arn = $1`, [v.findingArn]);
    if (!found.rowCount) return { ok: false, status: 400, issues: [{ field: "findingArn", message: "no finding with this ARN in the cache" }] };
  }
  let vulnerabilityId = v.vulnerabilityId ?? null;
  let aliases: string[] = [];
  if (v.vulnerabilityId) {
    const spellings = keySpellings(v.vulnerabilityId);
    const ids = await pool.query<{ id: string }>(
      `SELECT DISTINCT x AS id FROM findings f CROSS JOIN LATERAL unnest(ARRAY[f.finding_key] || f.related_vulnerabilities) AS x WHERE ${KEY_MATCH}`,
      [spellings],
    );
    const known = new Set(ids.rows.map((r) => r.id));
    vulnerabilityId = spellings.find((s) => known.has(s)) ?? null;
    if (!vulnerabilityId) return { ok: false, status: 400, issues: [{ field: "vulnerabilityId", message: `no finding for ${v.vulnerabilityId} in the cache` }] };
    aliases = [...known].filter((id) => id !== vulnerabilityId).sort();
    // Any resource of the findings counts, not only their primary one.
    const hit = await pool.query<{ resource_id: string }>(
      `SELECT DISTINCT fr.resource_id FROM findings f JOIN finding_resources fr ON fr.finding_arn = f.arn WHERE ${KEY_MATCH} AND fr.resource_id = ANY($2::text[])`,
      [[vulnerabilityId, ...aliases], v.resourceIds],
    );
    const hitIds = new Set(hit.rows.map((r) => r.resource_id));
    const unknown = v.resourceIds.filter((r) => !hitIds.has(r));
    if (unknown.length) return { ok: false, status: 400, issues: [{ field: "resourceIds", message: `not hit by ${vulnerabilityId}: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? " …" : ""}` }] };
  }
  const row = await prisma.riskException.create({
    data: {
      findingArn: v.findingArn ?? null,
      vulnerabilityId,
      aliases,
      resourceIds: v.resourceIds,
      reason: v.reason,
      owner: v.owner,
      createdBy,
      createdAt: now,
      expiresAt: expiryInstant(v.expiresOn),
    },
  });
  return { ok: true, id: row.id };
}

export async function revokeRiskException(id: unknown, now = new Date()): Promise<WriteResult> {
  const parsed = z.coerce.number().int().positive().max(2 ** 31 - 1).safeParse(id);
  if (!parsed.success) return { ok: false, status: 400, issues: [{ field: "id", message: "expected a positive whole number" }] };
  const n = parsed.data;
  const r = await db().pool.query(`UPDATE risk_exceptions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [n, now]);
  if (r.rowCount) return { ok: true, id: n };
  const exists = await db().pool.query(`SELECT 1 FROM risk_exceptions WHERE id = $1`, [n]);
  return exists.rowCount
    ? { ok: false, status: 409, issues: [{ field: "id", message: "already revoked" }] }
    : { ok: false, status: 404, issues: [{ field: "id", message: "no such exception" }] };
}
