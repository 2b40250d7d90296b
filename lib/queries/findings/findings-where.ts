// Turns a parsed FindingsFilter into one parameterised WHERE clause over `findings f`, with the
// viewer's scope always applied. Shared by the explorer page, its group-by and the CSV export.
import { Prisma } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { resolvedOwnerSql } from "@/lib/queries/owner-sql";
import { becameExploitableEventSql, statusEventSql, statusInSql } from "@/lib/queries/lifecycle-sql";
import { findingKeyParts, findingKeySql } from "./finding-key-sql";
import { closureSql } from "@/lib/queries/remediation-sql";
import { usageWhere } from "./usage-where";
import { bucketSql } from "./sort-buckets";
import { resourceWhere, type ResolvedFilter } from "./resource-match";
import { kevFilterSql } from "@/lib/queries/kev/kev-sql";
import { NO_OU } from "@/lib/domain/no-ou";
import { UNOWNED } from "@/lib/review/owner";

import { lowerEdge, upperEdge } from "./time-bound";

/** An account row `a` whose owner, as resolvedOwnerSql resolves it, is one of `owners`. */
export const ownerInSql = (owners: string[]): Prisma.Sql => Prisma.sql`${resolvedOwnerSql} = ANY(${owners}::text[])`;

/** An account row `a` in one of the OUs named; NO_OU: an account without one (the heatmap's "(none)"
 *  group). NULL, not false, for an account with no OU when NO_OU is not asked. */
export const ouInSql = (ous: string[]): Prisma.Sql =>
  Prisma.sql`(a.ou_name = ANY(${ous}::text[])${ous.includes(NO_OU) ? Prisma.sql` OR nullif(btrim(a.ou_name), '') IS NULL` : Prisma.empty})`;

/** A column within a date filter's bounds (time-bound.ts: a day keeps whole UTC days, an instant is exact). */
function withinSql(column: Prisma.Sql, from: string | undefined, to: string | undefined): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (from) {
    const lo = lowerEdge(from);
    c.push(lo.inclusive ? Prisma.sql`${column} >= ${lo.at}` : Prisma.sql`${column} > ${lo.at}`);
  }
  if (to) {
    const hi = upperEdge(to);
    c.push(hi.inclusive ? Prisma.sql`${column} <= ${hi.at}` : Prisma.sql`${column} < ${hi.at}`);
  }
  return c;
}

/** Findings with an event of a kind inside a window (the weekly review's reopened and became-exploitable groups). */
function eventInSql(event: Prisma.Sql, from: string | undefined, to: string | undefined): Prisma.Sql {
  const at = Prisma.sql`e.at`;
  return Prisma.sql`EXISTS (SELECT 1 FROM finding_events e WHERE e.finding_arn = f.arn AND ${event}
      AND ${Prisma.join([Prisma.sql`TRUE`, ...withinSql(at, from, to)], " AND ")})`;
}

export function imageKeys(image: string): string[] {
  return /^[0-9a-f]{64}$/.test(image) ? [image, `sha256:${image}`] : [image];
}

export function findingsWhere(scope: Scope, f: ResolvedFilter): Prisma.Sql {
  const c: Prisma.Sql[] = [scopeWhere(scope, Prisma.sql`f.account_id`)];
  // A single value is compared with "=": Postgres (15) walks an index in order for "=" but not
  // for "= ANY(array)", and the explorer's pages depend on ordered index walks.
  const anyOf = (column: Prisma.Sql, values: string[], type: string) => {
    if (values.length === 1) c.push(Prisma.sql`${column} = ${values[0]}`);
    else if (values.length) c.push(Prisma.sql`${column} = ANY(${values}::${Prisma.raw(type)})`);
  };
  anyOf(Prisma.sql`f.account_id`, f.account, "varchar[]");
  anyOf(Prisma.sql`f.region`, f.region, "text[]");
  anyOf(Prisma.sql`f.severity`, f.severity, "text[]");
  if (f.status.length) c.push(statusInSql("f", f.status));
  anyOf(Prisma.sql`f.type`, f.type, "text[]");
  anyOf(Prisma.sql`f.resource_type`, f.resourceType, "text[]");
  // An account the cache holds findings of but no accounts row for is "Unowned", as the review groups it.
  if (f.owner.length) {
    const unknown = f.owner.includes(UNOWNED) ? Prisma.sql` OR NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = f.account_id)` : Prisma.empty;
    c.push(Prisma.sql`(f.account_id IN (SELECT a.id FROM accounts a WHERE ${ownerInSql(f.owner)})${unknown})`);
  }
  if (f.ou.length) c.push(Prisma.sql`f.account_id IN (SELECT a.id FROM accounts a WHERE ${ouInSql(f.ou)})`);
  // Any resource of the finding, by its id or a part of its id or name (resource-match.ts).
  if (f.resource) c.push(resourceWhere(f.resource, f.resourceMatch));
  if (f.cve) c.push(findingKeySql("f", f.cve));
  if (f.package) c.push(packageSql(f.package));
  if (f.fix) c.push(Prisma.sql`f.fix_available = ${f.fix}`);
  if (f.exploit === "NA") c.push(Prisma.sql`f.exploit_available IS NULL`);
  else if (f.exploit) c.push(Prisma.sql`f.exploit_available = ${f.exploit}`);
  if (f.kev) c.push(kevFilterSql("f", f.kev));
  if (f.epssMin !== undefined) c.push(Prisma.sql`f.epss_score >= ${f.epssMin}`);
  if (f.epssMax !== undefined) c.push(Prisma.sql`f.epss_score <= ${f.epssMax}`);
  if (f.scoreMin !== undefined) c.push(Prisma.sql`f.inspector_score >= ${f.scoreMin}`);
  if (f.scoreMax !== undefined) c.push(Prisma.sql`f.inspector_score <= ${f.scoreMax}`);
  if (f.ageMin !== undefined) c.push(Prisma.sql`f.first_observed_at <= now() - make_interval(days => ${f.ageMin}::int)`);
  if (f.ageMax !== undefined) c.push(Prisma.sql`f.first_observed_at > now() - make_interval(days => ${f.ageMax + 1}::int)`);
  for (const t of f.tag) {
    c.push(t.value === undefined ? Prisma.sql`f.resource_tags ? ${t.key}` : Prisma.sql`f.resource_tags @> jsonb_build_object(${t.key}::text, ${t.value}::text)`);
  }
  c.push(...withinSql(Prisma.sql`f.first_observed_at`, f.firstSeenFrom, f.firstSeenTo));
  c.push(...withinSql(Prisma.sql`f.closed_at`, f.closedFrom, f.closedTo));
  if (f.closure) c.push(closureSql("f", f.closure));
  c.push(...withinSql(Prisma.sql`f.exploit_since`, f.exploitableFrom, undefined));
  if (f.reopenedFrom || f.reopenedTo) c.push(eventInSql(statusEventSql("e", "closed", "open"), f.reopenedFrom, f.reopenedTo));
  if (f.becameExploitableFrom || f.becameExploitableTo) {
    c.push(eventInSql(becameExploitableEventSql("e"), f.becameExploitableFrom, f.becameExploitableTo));
  }
  if (f.ami) c.push(Prisma.sql`f.ami_id = ${f.ami}`);
  if (f.image) {
    const keys = imageKeys(f.image);
    c.push(Prisma.sql`(f.ecr_repository = ANY(${keys}::text[]) OR f.ecr_image_hash = ANY(${keys}::text[]))`);
  }
  c.push(...usageWhere(f));
  // An alert's digest (alert=<rule>:<run>): the subjects (finding ARNs) alert_sent recorded for the
  // rule in that run, read by its (rule_id, run_id) index. Like every filter, within the scope above.
  if (f.alert) {
    c.push(Prisma.sql`f.arn IN (SELECT s.subject FROM alert_sent s WHERE s.rule_id = ${f.alert.ruleId}::int AND s.run_id = ${f.alert.runId}::int)`);
  }
  return Prisma.join(c, " AND ");
}

const packageSql = (name: string) => Prisma.sql`f.package_names @> ARRAY[${name}]::text[]`;

/** A viewer's scope or a filter on an index usually narrower than a package's findings (some
 *  accounts', a resource's, a vulnerability's): with one of them the planner's own plan stands. A
 *  package's findings read first would be every account's, to count a few. */
const narrowedBeyondPackage = (scope: Scope, f: ResolvedFilter) =>
  scope.accountIds !== "all" || f.account.length > 0 || f.owner.length > 0 || f.ou.length > 0 || f.tag.length > 0 ||
  Boolean(f.resource || f.cve || f.ami || f.image || f.providerAccount || f.alert || f.reopenedFrom || f.reopenedTo || f.becameExploitableFrom || f.becameExploitableTo);

/** The order a capped read of the findings listing a package first walks one of the first-package
 *  indexes in (sort-buckets.ts): one severity's by the score index, else by the EPSS index. Left to
 *  the planner, the count of a low-scored package without a region walked the score index from the top
 *  (its INCLUDE list carries the package) expecting matches to come early: package=openssl-libs at 10M
 *  passed 3.18M entries, 650 ms, against ~100 ms for the 10,001 rows the first-package index reads.
 *  With an age on the open, in-use default the planner's own choice stands: the (first package, first
 *  seen) index reads only the rows of that age (findings_open_first_package_age_index). */
function firstPackageOrder(f: ResolvedFilter): Prisma.Sql | undefined {
  if (f.ageMin !== undefined || f.ageMax !== undefined) return undefined;
  return f.severity.length === 1 ? Prisma.sql`${bucketSql("f", "inspector_score")} DESC` : Prisma.sql`${bucketSql("f", "epss_score")} DESC`;
}

/** A part of a filter's whole set: what it reads, as `findings f`, and what it tests there. */
export interface FindingsPart {
  from: Prisma.Sql;
  where: Prisma.Sql;
  /** An order the part's own index gives, for a capped read to walk that index in. Without it the
   *  planner may take an index it expects to stop early in, and filter millions of its entries. */
  order?: Prisma.Sql;
}

/** The reads of a filter's whole set (the capped count, a filter-first page) as disjoint parts, each
 *  read on its own index (counts summed, pages merged).
 *  - A key (CVE): each spelling's equality and the alias-only findings (findingKeyParts). One OR of
 *    them read a bitmap of both: 460 ms warm for the commonest CVE at 10M findings, 14 ms apart.
 *  - A package with nothing narrower: the findings listing it first, by the (first package, status,
 *    region) index, and those listing it further down, by the GIN index of findings with several
 *    packages. At 10M, 10,001 of openssl's in one region in 108 ms warm; its GIN bitmap over all
 *    560,660 read 28,700 heap pages (450 ms warm, 3.9 s cold). The first part is left to the planner:
 *    read whole first (OFFSET 0) it was a parallel bitmap scan of all 85,250 entries, 266 ms. With an
 *    age (ageMin) on the open, in-use default, the planner takes the (first package, first seen) index
 *    of those findings instead (migration findings_open_first_package_age_index).
 *  - Anything else: one part, the filter itself. */
export function findingsSetParts(scope: Scope, f: ResolvedFilter): FindingsPart[] {
  const findings = Prisma.sql`findings f`;
  if (f.cve) {
    const where = findingsWhere(scope, { ...f, cve: undefined });
    // One status: the key index (finding_key, status, inspector_score, id) gives the score order. With
    // statistics that count a CVE's findings right, a capped count otherwise walked the severity index
    // past every other finding to reach them (cve=<the commonest> at 10M synced: 656 against 20 ms warm).
    const order = f.status.length === 1 ? Prisma.sql`f.inspector_score DESC` : undefined;
    return findingKeyParts("f", f.cve).map((part) => ({ from: findings, where: Prisma.sql`${where} AND ${part.where}`, order: part.ordered ? order : undefined }));
  }
  const split = packageSplit(scope, f);
  return split ? [split.first, split.further] : [{ from: findings, where: findingsWhere(scope, f) }];
}

/** A package filter with nothing narrower, as its two disjoint parts: the findings listing the
 *  package first and those listing it further down (see findingsSetParts). */
export function packageSplit(scope: Scope, f: ResolvedFilter): { name: string; first: FindingsPart; further: FindingsPart } | undefined {
  if (!f.package || f.cve || narrowedBeyondPackage(scope, f)) return undefined;
  const name = f.package;
  const where = findingsWhere(scope, { ...f, package: undefined });
  return {
    name,
    first: { from: Prisma.sql`findings f`, where: Prisma.sql`f.package_names[1] = ${name} AND ${where}`, order: firstPackageOrder(f) },
    // OFFSET 0 keeps the subquery whole: merged into the outer query, its condition would join the AND.
    further: {
      from: Prisma.sql`(SELECT * FROM findings f WHERE cardinality(f.package_names) > 1 AND ${packageSql(name)} OFFSET 0) f`,
      where: Prisma.sql`${where} AND f.package_names[1] IS DISTINCT FROM ${name}`,
    },
  };
}
