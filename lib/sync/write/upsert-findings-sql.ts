// One statement per batch: insert-or-update the findings and, from the difference with the rows
// they replace, append STATUS / EXPLOITABLE (both ways) / SEVERITY events, and write every resource
// of each written finding to finding_other_resources (upsert-resources-sql.ts). All CTEs see the table as it was
// before the statement, so `prev` holds the old values; replaying a batch changes nothing. First
// sight is not an event: the row's first_observed_at says it (and writing one event row per new
// finding was a fifth of a first sync's database time).
// The batch travels as one JSON document of the columns ($1), far cheaper to encode and parse than
// 27 arrays, zipped row by row with the findings' own raw JSON texts ($5, separated by the ASCII record
// separator, which JSON text never contains unescaped), which the database stores without parsing,
// and the ids of their shared raw parts ($6, $7, $10; the parts' ids and texts are $8 and $9).
// In the document each row is an object keyed a…z, A…Z in DOCUMENT_COLUMNS order (short keys
// halve what the database parses) with timestamps as epoch milliseconds (cheaper than ISO text).
// The document is read as json, not jsonb: json_to_recordset takes each row's fields from the text,
// where a jsonb cast first builds the whole batch as a binary document, its keys sorted, and then
// reads it (500 of the cache's rows: ~10 against ~14 µs a row, docs/benchmarks.md).
export const DOCUMENT_COLUMNS = [
  ["arn", "text"], ["account_id", "text"], ["region", "text"], ["type", "text"], ["title", "text"],
  ["severity", "text"], ["status", "text"], ["inspector_score", "float8"], ["cvss_score", "float8"], ["epss_score", "float8"],
  ["exploit_available", "text"], ["fix_available", "text"], ["vulnerability_id", "text"],
  ["package_names", "text[]"], ["resource_type", "text"], ["resource_id", "text"], ["resource_name", "text"],
  ["resource_tags", "jsonb"], ["ami_id", "text"], ["ecr_repository", "text"], ["ecr_image_hash", "text"],
  ["first_observed_at", "timestamptz"], ["last_observed_at", "timestamptz"], ["updated_at", "timestamptz"],
  ["finding_key", "text"], ["related_vulnerabilities", "text[]"], ["last_known_exploit_at", "timestamptz"], ["other_resources", "jsonb"],
  ["in_use_count", "int"], ["last_in_use_at", "timestamptz"], ["provider", "text"], ["provider_account_id", "text"],
] as const;
/** The document key of the i-th column: a…z, then A…Z. */
export const documentKey = (i: number) => String.fromCharCode(i < 26 ? 97 + i : 39 + i);
const recordDefinition = DOCUMENT_COLUMNS.map(([, type], i) => `"${documentKey(i)}" ${type === "timestamptz" ? "float8" : type}`).join(", ");
const inputColumns = DOCUMENT_COLUMNS.map(([name, type]) => (type === "timestamptz" ? `to_timestamp(${name} / 1000.0) AS ${name}` : name)).join(", ");

import { DELETE_GONE_RESOURCES_CTE, INSERT_RESOURCES_CTE, UPSERT_RESOURCES_CTE } from "./upsert-resources-sql";
import { insertRawPartsSql } from "./raw-parts-sql";
import { coveredImageUsageSql } from "../coverage/image-usage";

// Columns the upsert copies from Inspector's version. Not in-use: coverage's fresher copy overwrites
// the finding's own after each listing (image-usage.ts), and the finding's copy moves only with its
// updatedAt. A GONE row differs in status, so a finding listed again always reappears. The
// vulnerability part stands for the text only it holds (description, remediation, references).
const COMPARED = ["account_id", "region", "type", "title", "raw_vulnerability_part", "severity", "status", "inspector_score", "cvss_score",
  "epss_score", "exploit_available", "fix_available", "vulnerability_id", "finding_key", "related_vulnerabilities",
  "package_names", "resource_type", "resource_id", "resource_name", "resource_tags", "ami_id", "ecr_repository", "ecr_image_hash",
  "first_observed_at", "last_observed_at", "provider", "provider_account_id"];
/** Whether the listed version `listed` replaces the held row `held`: never an older version (a replayed
 *  or overlapping page), and not the same one unchanged (same version and modelled columns; not GONE). */
const replaces = (held: string, listed: string) =>
  `${held}.updated_at <= ${listed}.updated_at AND (${held}.updated_at < ${listed}.updated_at OR ` +
  `(${COMPARED.map((c) => heldValue(held, listed, c)).join(", ")}) IS DISTINCT FROM (${COMPARED.map((c) => `${listed}.${c}`).join(", ")}))`;
/** A row cached before the raw JSON was split holds it whole (no vulnerability part): being whole is
 *  not a change, or the first full listing after the upgrade would rewrite every finding of the cache
 *  at once. `npm run db:compact-raw` splits those rows when the operator chooses. */
const heldValue = (held: string, listed: string, c: string) =>
  c === "raw_vulnerability_part" ? `COALESCE(${held}.${c}, ${listed}.${c})` : `${held}.${c}`;

/** The batch's rows: the document's columns zipped with the raw texts and part ids (placeholders). */
const inputCte = (p: { columns: string; raws: string; vulnerability: string; resources: string; installed: string }) => `
input AS (
  SELECT ${inputColumns}, raw, raw_vulnerability_part, raw_resources_part, raw_installed_part FROM ROWS FROM (
    json_to_recordset(${p.columns}::json) AS (${recordDefinition}),
    string_to_table(${p.raws}::text, chr(30)),
    unnest(${p.vulnerability}::uuid[]),
    unnest(${p.resources}::uuid[]),
    unnest(${p.installed}::uuid[])
  ) AS t(${DOCUMENT_COLUMNS.map(([name]) => name).join(", ")}, raw, raw_vulnerability_part, raw_resources_part, raw_installed_part)
)`;

/** The shared raw parts the rows of `rows` point to, and the coverage's image usage of their images. */
const partsAndCoverageCtes = (rows: string, ids: string, docs: string) => `
-- The shared parts of the raw JSON (lib/domain/raw-finding-parts.ts) the written rows point to.
raw_parts AS (${insertRawPartsSql(ids, docs, `p.id IN (SELECT raw_vulnerability_part FROM ${rows} UNION ALL SELECT raw_resources_part FROM ${rows} UNION ALL SELECT raw_installed_part FROM ${rows})`)}
  RETURNING 1
),
-- Images in use: the values the region's coverage holds for a written finding's image (listed
-- alongside the findings, or by the last sync), as applyCoverageUsage sets them after the listing
-- (coverage/image-usage.ts), which then finds nothing left to write for these rows.
covered AS (
  SELECT w.arn AS cov_arn, u.* FROM ${rows} w CROSS JOIN LATERAL (
    SELECT ${coveredImageUsageSql("c.metadata->'ecrImage'", "cov_")} FROM covered_resources c
    WHERE c.region = w.region AND c.resource_id = w.resource_id AND c.resource_type = 'AWS_ECR_CONTAINER_IMAGE' AND c.metadata ? 'ecrImage'
    ORDER BY c.scan_type LIMIT 1) u
  WHERE w.resource_type = 'AWS_ECR_CONTAINER_IMAGE'
)`;

/** INSERT INTO findings … SELECT of the rows of \`rows\` (joined with \`covered\`), as a new row holds
 *  them; what follows it (ON CONFLICT …) is the caller's. */
const insertFindings = (rows: string, syncedAt: string) => `
  INSERT INTO findings AS f (arn, account_id, region, type, title, severity, status,
    inspector_score, cvss_score, epss_score, exploit_available, fix_available, vulnerability_id, finding_key, related_vulnerabilities,
    package_names, resource_type, resource_id, resource_name, resource_tags, ami_id, ecr_repository, ecr_image_hash,
    first_observed_at, last_observed_at, updated_at, closed_at, exploit_since, exploit_since_source, gone_at, synced_at, raw,
    raw_vulnerability_part, raw_resources_part, raw_installed_part, in_use_count, last_in_use_at, image_pulled_at, provider, provider_account_id)
  SELECT arn, account_id, region, type, title, severity, status,
    inspector_score, cvss_score, epss_score, exploit_available, fix_available, vulnerability_id, finding_key, related_vulnerabilities,
    package_names, resource_type, resource_id, resource_name, resource_tags, ami_id, ecr_repository, ecr_image_hash,
    first_observed_at, last_observed_at, updated_at,
    CASE WHEN status = 'CLOSED' THEN updated_at END,
    -- Exploitable since: Inspector's last known exploit when it gives one, else this version's time.
    CASE WHEN exploit_available = 'YES' THEN COALESCE(last_known_exploit_at, updated_at) END,
    CASE WHEN exploit_available = 'YES' THEN CASE WHEN last_known_exploit_at IS NOT NULL THEN 'LAST_KNOWN_EXPLOIT' ELSE 'CACHE_FIRST_SAW' END END,
    NULL, ${syncedAt}::timestamptz, raw, raw_vulnerability_part, raw_resources_part, raw_installed_part,
    COALESCE(cov_in_use_count, in_use_count), COALESCE(cov_last_in_use_at, last_in_use_at), cov_image_pulled_at, provider, provider_account_id
  FROM ${rows} LEFT JOIN covered ON cov_arn = arn`;

export const UPSERT_FINDINGS_SQL = `
WITH ${inputCte({ columns: "$1", raws: "$5", vulnerability: "$6", resources: "$7", installed: "$10" })},
-- Probing the primary key by array keeps this an index lookup however stale the statistics are.
prev AS (
  SELECT arn, updated_at, ${COMPARED.join(", ")} FROM findings WHERE arn = ANY($4::text[])
),
-- The listed rows to write: new, a newer version, or changed modelled columns (GONE differs in
-- status). The rest (as held, or older) stay out of the INSERT, because ON CONFLICT … DO UPDATE …
-- WHERE false still locks the row it skips (a WAL record each, and after a checkpoint the heap page's
-- image: half of a daily re-listing's WAL). The statement's WHERE below stays the guard for a row
-- that changed since this read.
to_write AS (
  SELECT i.* FROM input i LEFT JOIN prev p ON p.arn = i.arn
  WHERE p.arn IS NULL OR (${replaces("p", "i")})
),
${partsAndCoverageCtes("to_write", "$8", "$9")},
up AS (${insertFindings("to_write", "$2")}
  ON CONFLICT (arn) DO UPDATE SET
    account_id = EXCLUDED.account_id, region = EXCLUDED.region, type = EXCLUDED.type, title = EXCLUDED.title,
    severity = EXCLUDED.severity, status = EXCLUDED.status,
    inspector_score = EXCLUDED.inspector_score, cvss_score = EXCLUDED.cvss_score, epss_score = EXCLUDED.epss_score,
    exploit_available = EXCLUDED.exploit_available, fix_available = EXCLUDED.fix_available,
    vulnerability_id = EXCLUDED.vulnerability_id, finding_key = EXCLUDED.finding_key,
    related_vulnerabilities = EXCLUDED.related_vulnerabilities, package_names = EXCLUDED.package_names,
    resource_type = EXCLUDED.resource_type, resource_id = EXCLUDED.resource_id, resource_name = EXCLUDED.resource_name,
    resource_tags = EXCLUDED.resource_tags, ami_id = EXCLUDED.ami_id, ecr_repository = EXCLUDED.ecr_repository,
    ecr_image_hash = EXCLUDED.ecr_image_hash, first_observed_at = EXCLUDED.first_observed_at,
    last_observed_at = EXCLUDED.last_observed_at, updated_at = EXCLUDED.updated_at,
    closed_at = CASE WHEN EXCLUDED.status <> 'CLOSED' THEN NULL
                     WHEN f.status = 'CLOSED' OR f.gone_from_status = 'CLOSED' THEN COALESCE(f.closed_at, EXCLUDED.closed_at)
                     ELSE EXCLUDED.updated_at END,
    -- Inspector's time wins; without it the time the cache first saw YES stays (f.exploit_since is
    -- NULL unless the stored version said YES).
    exploit_since = CASE WHEN EXCLUDED.exploit_available = 'YES' THEN
      CASE WHEN EXCLUDED.exploit_since_source = 'LAST_KNOWN_EXPLOIT' OR f.exploit_since IS NULL THEN EXCLUDED.exploit_since ELSE f.exploit_since END END,
    exploit_since_source = CASE WHEN EXCLUDED.exploit_available = 'YES' THEN
      CASE WHEN EXCLUDED.exploit_since_source = 'LAST_KNOWN_EXPLOIT' OR f.exploit_since IS NULL THEN EXCLUDED.exploit_since_source ELSE f.exploit_since_source END END,
    -- A finding Inspector reports again takes its status again: GONE and its why are cleared.
    gone_at = NULL, gone_reason = NULL, gone_from_status = NULL, synced_at = EXCLUDED.synced_at, raw = EXCLUDED.raw,
    raw_vulnerability_part = EXCLUDED.raw_vulnerability_part, raw_resources_part = EXCLUDED.raw_resources_part,
    raw_installed_part = EXCLUDED.raw_installed_part,
    -- Coverage's copy where it held the image, else the finding's own; coverage's fresher one is
    -- applied after the region's listing (image-usage.ts), which also clears a pull time it lost.
    in_use_count = EXCLUDED.in_use_count, last_in_use_at = EXCLUDED.last_in_use_at,
    image_pulled_at = COALESCE(EXCLUDED.image_pulled_at, f.image_pulled_at),
    provider = EXCLUDED.provider, provider_account_id = EXCLUDED.provider_account_id
  -- The same test as to_write's, against the row as it is now: an unchanged finding gets no row,
  -- index entry or event, only its finding_seen mark (below).
  WHERE ${replaces("f", "EXCLUDED")}
  RETURNING f.arn
),
-- Listed but not written (unchanged, or an older version): seen by this listing all the same.
seen AS (
  INSERT INTO finding_seen AS s (arn, seen_at)
  SELECT i.arn, $2::timestamptz FROM input i WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.arn = i.arn)
  ON CONFLICT (arn) DO UPDATE SET seen_at = EXCLUDED.seen_at WHERE s.seen_at < EXCLUDED.seen_at
  RETURNING 1
),
ev AS (
  INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id)
  SELECT i.arn, v.at, v.kind, v.from_value, v.to_value, $3::int
  FROM input i JOIN up ON up.arn = i.arn JOIN prev p ON p.arn = i.arn
  CROSS JOIN LATERAL (VALUES
    ('STATUS', i.updated_at, p.status, i.status, p.status <> i.status),
    ('EXPLOITABLE', i.updated_at, p.exploit_available, i.exploit_available, p.exploit_available IS DISTINCT FROM i.exploit_available),
    ('SEVERITY', i.updated_at, p.severity, i.severity, p.severity <> i.severity)
  ) AS v(kind, at, from_value, to_value, keep)
  WHERE v.keep
  RETURNING kind
),
${UPSERT_RESOURCES_CTE},
${DELETE_GONE_RESOURCES_CTE}
SELECT (SELECT count(*) FROM up)::int AS changed,
       (SELECT count(*) FROM up WHERE up.arn NOT IN (SELECT arn FROM prev))::int AS inserted,
       (SELECT count(*) FROM ev)::int AS events`;

/** A first load's batch (the cache held no finding when the run began: run-sync's bulk mode): every
 *  row is new, so the statement only inserts. None of the upsert's probes of held rows, its seen
 *  marks, events or stale-resource deletes, which find nothing to do in an empty cache; the rows
 *  written are the ones the upsert would write (finding-writer.test.ts compares the two). A row the
 *  cache does hold after all (a finding listed twice, by pages that moved under the cursor) fails the
 *  statement on the primary key, and the writer runs the upsert for that batch instead.
 *  $1 columns, $2 synced at, $3 raws, $4–$6 vulnerability, resources and installed part ids, $7 and
 *  $8 the distinct parts' ids and texts. */
export const INSERT_NEW_FINDINGS_SQL = `
WITH ${inputCte({ columns: "$1", raws: "$3", vulnerability: "$4", resources: "$5", installed: "$6" })},
${partsAndCoverageCtes("input", "$7", "$8")},
up AS (${insertFindings("input", "$2")}
  RETURNING f.arn
),
${INSERT_RESOURCES_CTE}
SELECT (SELECT count(*) FROM up)::int AS changed, (SELECT count(*) FROM up)::int AS inserted, 0 AS events`;
