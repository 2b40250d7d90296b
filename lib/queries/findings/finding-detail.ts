// Everything the finding detail page shows: the cached row and its raw Inspector finding, the
// account, the status history from finding_events and every other open resource with the same key
// (vulnerability and its aliases, code rule, port range): other findings' resources and this one's own.
import { Prisma, queryOne, queryRows } from "@/lib/queries/sql";
import { resolvedOwnerSql } from "@/lib/queries/owner-sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import type { FindingRow } from "./findings-search";
import { parseJsonObject } from "./json-read";
import { findingHistory } from "./finding-history";
import { openSql } from "@/lib/queries/lifecycle-sql";

interface StoredFindingRow extends FindingRow {
  description: string | null;
  cvss_score: number | null;
  exploit_since: Date | null;
  exploit_since_source: string | null;
  finding_key: string;
  related_vulnerabilities: string[];
  gone_at: Date | null;
  gone_reason: string | null;
  gone_from_status: string | null;
  updated_at: Date;
  ami_id: string | null;
  ecr_repository: string | null;
  ecr_image_hash: string | null;
  account_owner: string | null;
  /** The Owner tag (often a person), beside the resolved owning team. */
  account_contact: string | null;
  account_ou: string | null;
  /** JSON text as stored. */
  raw: string;
}

export interface FindingDetailRow extends Omit<StoredFindingRow, "raw"> {
  raw: Record<string, unknown>;
}

export interface FindingEventRow {
  at: Date;
  kind: string;
  from_value: string | null;
  to_value: string | null;
}

export interface RelatedFindingRow {
  arn: string;
  /** The resource's place in its finding (0 = the finding's primary resource). */
  position: number;
  account_id: string;
  account_name: string | null;
  region: string;
  resource_type: string;
  resource_id: string;
  resource_name: string | null;
  status: string;
  severity: string;
  inspector_score: number | null;
}

export const relatedLimit = 12;
export const relatedCountCap = 10_000;

export async function getFindingDetail(scope: Scope, arn: string) {
  const stored = await queryOne<StoredFindingRow>(Prisma.sql`
    SELECT f.*, a.name AS account_name, ${resolvedOwnerSql} AS account_owner, a.owner AS account_contact, a.ou_name AS account_ou
    FROM findings f LEFT JOIN accounts a ON a.id = f.account_id
    WHERE f.arn = ${arn} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)}`);
  if (!stored) return undefined;
  const finding: FindingDetailRow = { ...stored, raw: parseJsonObject(stored.raw) };
  const key = finding.finding_key;
  const keys = [key, ...(finding.related_vulnerabilities ?? [])];
  // Every resource (finding_resources) of every open finding with this key or an alias, except this
  // finding's primary resource: its second resource is "another resource" too.
  const sameVuln = Prisma.sql`(f.finding_key = ANY(${keys}::text[]) OR f.related_vulnerabilities && ARRAY[${key}]::text[])
    AND ${openSql("f")} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND NOT (fr.finding_arn = ${arn} AND fr.position = 0)
    AND fr.resource_id <> ${finding.resource_id}`;
  const vuln = key;
  const [changes, related, counted] = await Promise.all([
    queryRows<FindingEventRow>(Prisma.sql`SELECT at, kind, from_value, to_value FROM finding_events WHERE finding_arn = ${arn} ORDER BY at ASC, id ASC`),
    // Highest scored first, walking the (vulnerability_id, status, score) index; a popular CVE can
    // hit tens of thousands of resources, so the total is counted separately and capped.
    vuln
      ? queryRows<RelatedFindingRow>(Prisma.sql`
          SELECT f.arn, fr.position, f.account_id, a.name AS account_name, COALESCE(fr.region, f.region) AS region, fr.type AS resource_type,
            fr.resource_id, fr.name AS resource_name, f.status, f.severity, f.inspector_score
          FROM findings f JOIN finding_resources fr ON fr.finding_arn = f.arn LEFT JOIN accounts a ON a.id = f.account_id
          WHERE ${sameVuln} ORDER BY f.inspector_score DESC NULLS LAST, f.arn, fr.position LIMIT ${relatedLimit}`)
      : Promise.resolve([]),
    vuln ? queryOne<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM findings f JOIN finding_resources fr ON fr.finding_arn = f.arn
      WHERE ${sameVuln} LIMIT ${relatedCountCap + 1}) c`) : Promise.resolve({ n: 0 }),
  ]);
  const n = counted?.n ?? 0;
  return { finding, events: findingHistory(finding, changes), related, relatedTotal: Math.min(n, relatedCountCap), relatedCapped: n > relatedCountCap };
}
export type FindingDetail = NonNullable<Awaited<ReturnType<typeof getFindingDetail>>>;
