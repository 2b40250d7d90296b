// What the cache knows about one artifact, as the gate's Observation: its scan state from coverage,
// its findings of every lifecycle status (the decision judges only open ones), when its account's
// region last synced, and the account's OU for the policy's overrides.
import { db } from "@/lib/db/client";
import type { Artifact } from "@/lib/gate/artifact";
import { scanStateOf } from "@/lib/gate/scan-state";
import type { GateFinding, Observation } from "@/lib/gate/types";
import { inScope, type Scope } from "@/lib/queries/scope";
import { lifecycleText } from "@/lib/queries/lifecycle-sql";
import { artifactCoverage, type CoverageRow } from "./artifact-coverage";

export type CacheObservation = { ok: true; observation: Observation; resolved: { resourceIds: string[]; digest?: string } } | { ok: false; code: "ambiguous"; message: string };

export async function observeFromCache(scope: Scope, a: Artifact): Promise<CacheObservation> {
  const { pool } = db();
  const rows = (await artifactCoverage(pool, a)).filter((r) => inScope(scope, r.account_id));
  const digests = new Set(rows.map((r) => r.resource_id.split("/").pop()));
  if (a.kind === "ecr-image" && digests.size > 1) return { ok: false, code: "ambiguous", message: `tag ${a.tag} names ${digests.size} images; ask by digest` };
  if (a.kind !== "ami" && new Set(rows.map((r) => `${r.account_id}/${r.region}`)).size > 1) {
    return { ok: false, code: "ambiguous", message: "the artifact exists in several accounts or regions; give accountId and region" };
  }
  const ids = rows.map((r) => r.resource_id);
  const [findings, sync, account] = await Promise.all([
    // A finding that names the artifact among several resources counts too (finding_resources).
    ids.length ? pool.query(`SELECT f.arn, f.title, f.severity, f.status, f.type, f.inspector_score, f.cvss_score, f.epss_score, f.exploit_available::text AS exploit,
        f.fix_available, f.vulnerability_id, f.finding_key, f.related_vulnerabilities, f.package_names, f.resource_id, f.first_observed_at,
        ARRAY(SELECT fr.resource_id FROM finding_resources fr WHERE fr.finding_arn = f.arn ORDER BY fr.position) AS resource_ids
        FROM findings f WHERE (f.resource_id = ANY($1::text[]) OR f.arn IN (SELECT fr.finding_arn FROM finding_resources fr WHERE fr.resource_id = ANY($1::text[])))
          AND ${lifecycleText("open", "f")}`, [ids]) : { rows: [] },
    rows.length ? pool.query<{ at: Date | null }>(`SELECT min(last_synced_at) AS at FROM account_regions WHERE (account_id, region) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [rows.map((r) => r.account_id), rows.map((r) => r.region)]) : { rows: [{ at: null }] },
    rows.length ? pool.query<{ ou_name: string | null }>(`SELECT ou_name FROM accounts WHERE id = $1`, [rows[0].account_id]) : { rows: [] },
  ]);
  return {
    ok: true,
    resolved: { resourceIds: ids, ...(a.kind === "ecr-image" && digests.size === 1 ? { digest: [...digests][0] } : {}) },
    observation: {
      source: "cache", asOf: sync.rows[0]?.at ?? null, scan: combinedScan(rows), findings: findings.rows.map(toGateFinding),
      accountId: rows[0]?.account_id ?? null, ouName: account.rows[0]?.ou_name ?? null,
    },
  };
}

/** An AMI's instances: complete when any instance's scan is; otherwise the first row's state. */
function combinedScan(rows: CoverageRow[]) {
  const states = rows.map((r) => scanStateOf({ statusCode: r.scan_status_code, reason: r.scan_status_reason, lastScannedAt: r.last_scanned_at }));
  return states.find((s) => s.state === "complete") ?? states[0] ?? scanStateOf(null);
}

function toGateFinding(r: Record<string, unknown>): GateFinding {
  const x = String(r.exploit ?? "").toUpperCase();
  return {
    arn: r.arn as string, title: r.title as string, severity: r.severity as string, status: r.status as string, type: r.type as string,
    inspectorScore: r.inspector_score as number | null, cvss: r.cvss_score as number | null, epss: r.epss_score as number | null,
    exploitAvailable: x === "TRUE" || x === "YES" ? true : x === "FALSE" || x === "NO" ? false : null,
    fixAvailable: (r.fix_available as GateFinding["fixAvailable"]) ?? null, vulnerabilityId: r.vulnerability_id as string | null,
    findingKey: (r.finding_key as string | null) ?? (r.vulnerability_id as string | null) ?? "", relatedVulnerabilities: (r.related_vulnerabilities as string[] | null) ?? [],
    packageNames: (r.package_names as string[]) ?? [], resourceId: r.resource_id as string,
    resourceIds: (r.resource_ids as string[] | null)?.length ? (r.resource_ids as string[]) : [r.resource_id as string], firstObservedAt: r.first_observed_at as Date,
  };
}
