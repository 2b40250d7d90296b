// Streams every finding matching a filter as CSV, in keyset batches, so memory stays flat no
// matter how many rows match. The page's cursor and limit are ignored: the export is the filter.
import { Prisma } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { csvLine } from "./csv";
import type { FindingsFilter } from "./findings-filter";
import { countFindings, findingRowColumns, searchFindings, type FindingRow } from "./findings-search";
import { resolveResourceMatch } from "./resource-match";
import { mapPackages, type PackageView } from "./finding-raw-mapper";
import { parseJsonObject } from "./json-read";
import { RAW_INSTALLED_COLUMN } from "./raw-parts-join";

/** The installed versions (packageVulnerabilityDetails.vulnerablePackages): raw_installed, the finding's
 *  shared installed part, or for rows cached before that part existed, raw (its own part, or the whole). */
type ExportRow = FindingRow & { cvss_score: number | null; raw: string; raw_installed: string | null };

export const exportHeader = ["finding_arn", "account_id", "account_name", "region", "severity", "status", "type", "title", "vulnerability_id",
  "inspector_score", "cvss_score", "epss_score", "exploit_available", "fix_available", "packages", "resource_type", "resource_id",
  "resource_name", "first_observed_at", "last_observed_at", "closed_at"];

export function packagesCell(packages: PackageView[]): string {
  return packages.map((p) => `${p.name} ${p.installed} -> ${p.fixedIn ?? "no fix"}`).join("; ");
}

export function exportLine(r: ExportRow): string {
  return csvLine([r.arn, r.account_id, r.account_name, r.region, r.severity, r.status, r.type, r.title, r.vulnerability_id, r.inspector_score,
    r.cvss_score, r.epss_score, r.exploit_available ?? "NOT_APPLICABLE", r.fix_available, packagesCell(mapPackages(parseJsonObject(r.raw_installed ?? r.raw))), r.resource_type, r.resource_id,
    r.resource_name, r.first_observed_at, r.last_observed_at, r.closed_at]);
}

export async function* exportFindingsCsv(scope: Scope, asked: FindingsFilter, batchSize = 2000): AsyncGenerator<string> {
  yield csvLine(exportHeader);
  const filter = await resolveResourceMatch(asked);
  const columns = Prisma.sql`${findingRowColumns}, f.cvss_score, f.raw, ${Prisma.raw(RAW_INSTALLED_COLUMN)}`;
  const filterFirst = !(await countFindings(scope, filter)).capped;
  let cursor: string | undefined;
  do {
    const page = await searchFindings<ExportRow>(scope, { ...filter, cursor, limit: batchSize }, columns, { filterFirst });
    yield page.rows.map(exportLine).join("");
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

