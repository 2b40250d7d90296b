// What the finding detail page shows: the cached row and its raw Inspector finding, the account and
// the status history from finding_events (painted first); then, streamed, every other open resource
// with the same key (vulnerability and its aliases, code rule, port range): other findings' and this one's own.
import { Prisma, queryOne, queryRows } from "@/lib/queries/sql";
import { resolvedOwnerSql } from "@/lib/queries/owner-sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import type { FindingRow } from "./findings-search";
import { joinRawFinding } from "@/lib/domain/raw-finding-parts";
import { findingHistory } from "./finding-history";
import { openSql } from "@/lib/queries/lifecycle-sql";
import { RAW_PARTS_COLUMNS, RAW_PARTS_JOIN } from "./raw-parts-join";

interface StoredFindingRow extends FindingRow {
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
  /** The finding's own part of its raw JSON, and its shared parts (lib/domain/raw-finding-parts.ts). */
  raw: string;
  raw_vulnerability: string | null;
  raw_installed: string | null;
  raw_resources: string | null;
}

export interface FindingDetailRow extends Omit<StoredFindingRow, "raw" | "raw_vulnerability" | "raw_resources" | "raw_installed"> {
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
  /** findings.id: orders equal scores as the key index does. */
  id: string;
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
/** Beyond this many other resources the page says "1,000+" and links to the explorer's exact count. */
export const relatedCountCap = 1_000;

/** The finding, its account and its status history: what the detail page paints first. */
export async function getFindingDetail(scope: Scope, arn: string) {
  const [stored, changes] = await Promise.all([
    queryOne<StoredFindingRow>(Prisma.sql`
      SELECT f.*, a.name AS account_name, ${resolvedOwnerSql} AS account_owner, a.owner AS account_contact, a.ou_name AS account_ou,
        ${Prisma.raw(RAW_PARTS_COLUMNS)}
      FROM findings f LEFT JOIN accounts a ON a.id = f.account_id ${Prisma.raw(RAW_PARTS_JOIN)}
      WHERE f.arn = ${arn} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)}`),
    // Read beside the row (keyed by the ARN alone) and dropped with it when out of scope.
    queryRows<FindingEventRow>(Prisma.sql`SELECT at, kind, from_value, to_value FROM finding_events WHERE finding_arn = ${arn} ORDER BY at ASC, id ASC`),
  ]);
  if (!stored) return undefined;
  const { raw_vulnerability: _v, raw_resources: _r, raw_installed: _i, ...own } = stored; // the texts travel once, joined in raw
  const finding: FindingDetailRow = { ...own, raw: joinRawFinding(stored) };
  return { finding, events: findingHistory(finding, changes) };
}
export type FindingDetail = NonNullable<Awaited<ReturnType<typeof getFindingDetail>>>;

/** The ways another open finding shares this one's key. Each key (its own and its aliases) is an
 *  equality on the (finding_key, status, inspector_score, id) index, walked in order and stopped at the
 *  limit; findings that list the key among their aliases come from the GIN index, few and unordered. One
 *  OR of them all read every matching finding to sort it (310 ms for a CVE on 8,255 findings at 1M). */
type SameKey = { ordered: boolean; where: Prisma.Sql };
function sameKeyBranches(key: string, keys: string[]): SameKey[] {
  return [
    ...keys.map((k) => ({ ordered: true, where: Prisma.sql`f.finding_key = ${k}` })),
    { ordered: false, where: Prisma.sql`f.related_vulnerabilities && ARRAY[${key}]::text[] AND NOT f.finding_key = ANY(${keys}::text[])` },
  ];
}

export interface OtherResources {
  rows: RelatedFindingRow[];
  total: number;
  capped: boolean;
}

type KeyedFinding = Pick<FindingDetailRow, "arn" | "finding_key" | "related_vulnerabilities" | "resource_id">;

/** Every resource (finding_resources) of every open finding in scope with this finding's key or an
 *  alias, except this finding's primary resource (its second resource is "another resource" too):
 *  the highest scored first, counted up to relatedCountCap. Streamed after the finding (a popular CVE
 *  has tens of thousands of resources at 10M findings). */
export async function getOtherResources(scope: Scope, finding: KeyedFinding): Promise<OtherResources> {
  const key = finding.finding_key;
  const keys = [...new Set([key, ...(finding.related_vulnerabilities ?? [])])];
  const others = Prisma.sql`${openSql("f")} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)} AND NOT (fr.finding_arn = ${finding.arn} AND fr.position = 0)
    AND fr.resource_id <> ${finding.resource_id}`;
  const from = Prisma.sql`FROM findings f JOIN finding_resources fr ON fr.finding_arn = f.arn`;
  const columns = Prisma.sql`f.arn, f.id, fr.position, f.account_id, COALESCE(fr.region, f.region) AS region, fr.type AS resource_type,
    fr.resource_id, fr.name AS resource_name, f.status, f.severity, f.inspector_score`;
  // Highest scored first, unscored last. A key's scored and unscored findings are read as two segments
  // ordered like its index (as the explorer's sorts are), so neither can turn into a walk of another
  // index; the alias branch carries no ORDER BY or LIMIT for the same reason (a LIMIT over a filter the
  // planner thinks common walks every open finding when it matches none).
  const branches = sameKeyBranches(key, keys);
  const segments = branches.flatMap(({ ordered, where }) => ordered ? [
    Prisma.sql`(SELECT ${columns} ${from} WHERE ${where} AND ${others} AND f.inspector_score IS NOT NULL
      ORDER BY f.finding_key, f.status, f.inspector_score DESC, f.id, fr.position LIMIT ${relatedLimit})`,
    Prisma.sql`(SELECT ${columns} ${from} WHERE ${where} AND ${others} AND f.inspector_score IS NULL
      ORDER BY f.finding_key, f.status, f.inspector_score DESC, f.id, fr.position LIMIT ${relatedLimit})`,
  ] : [Prisma.sql`(SELECT ${columns} ${from} WHERE ${where} AND ${others})`]);
  const counts = branches.map(({ ordered, where }) => ordered
    ? Prisma.sql`(SELECT count(*) FROM (SELECT 1 ${from} WHERE ${where} AND ${others} LIMIT ${relatedCountCap + 1}) c)`
    : Prisma.sql`(SELECT count(*) ${from} WHERE ${where} AND ${others})`);
  const [rows, counted] = await Promise.all([
    queryRows<RelatedFindingRow>(Prisma.sql`
      SELECT r.*, a.name AS account_name FROM (${Prisma.join(segments, " UNION ALL ")}) r LEFT JOIN accounts a ON a.id = r.account_id
      ORDER BY r.inspector_score IS NULL, r.inspector_score DESC, r.id, r.position LIMIT ${relatedLimit}`),
    queryOne<{ n: number }>(Prisma.sql`SELECT (${Prisma.join(counts, " + ")})::int AS n`),
  ]);
  const n = counted?.n ?? 0;
  return { rows, total: Math.min(n, relatedCountCap), capped: n > relatedCountCap };
}
