// The findings index against the database, as a property: random findings (every column a filter
// reads, with the awkward values: ties, wildcards, non-ASCII names, tags that are not strings, ages on
// a filter's edge), then for each filter given, in four scopes and every grouping, the index's counts,
// groups and pages must equal the database's, before and after closures, usage and coverage change.
// Shared by the two files that each run it over part of the filters (findings-index-answers*.test.ts),
// so that they run side by side: the whole property took 157 s on PostgreSQL 15 and up to 342 s on
// PGlite on a loaded 2-core VM, in one file.
import fc from "fast-check";
import { expect } from "vitest";
import { allScope, type Scope } from "@/lib/queries/scope";
import type { ResolvedFilter } from "./resource-match";
import type { TestDatabase } from "@/lib/db/test-database";
import { addCoveredResource, addFinding, addFindingEvent, daysAgo } from "@/lib/queries/test-fixtures";
import { parseFindingsFilter } from "./findings-filter";
import { groupFindingsOverFindings } from "./findings-groups";
import { countFindings, searchFindings } from "./findings-search";
import { buildFindingsIndex, type FindingsIndex } from "./findings-index";
import { findingsIndexAnswers, pageFromFindingsIndex, withFindingsIndexMatches } from "./findings-index-answers";
import { groupsFromFindingsIndex } from "./findings-index-groups";
import { resolveResourceMatch } from "./resource-match";

/** The entries of the index that pass the filter, as a copy the test may keep (the app's callers
 *  consume withFindingsIndexMatches's scratch array in place). */
export const findingsIndexMatches = (index: FindingsIndex, scope: Scope, f: ResolvedFilter): Promise<Int32Array> =>
  withFindingsIndexMatches(index, scope, f, (matches) => matches.slice());

export const filter = (qs: string) => {
  const parsed = parseFindingsFilter(new URLSearchParams(qs));
  expect(parsed.issues, qs).toEqual([]);
  return parsed.filter;
};

export const A = "111111111111", B = "222222222222";
const C = "333333333333";
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
// Ages around the filters' edges: a finding 30 days old less or more a minute sits on either side of
// ageMin=30 and ageMax=29.
const AGES = [0.5, 29.999, 30.001, 60, 120.5];
const finding = fc.record({
  account: pick([A, B, C]), region: pick(["us-east-1", "eu-west-1"]),
  key: pick(["CVE-2026-0001", "CVE-2026-0002", "cve-2026-0002", "GHSA-aaaa-bbbb-cccc", "Z-rule"]),
  severity: pick(["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNTRIAGED"]), status: pick(["ACTIVE", "ACTIVE", "CLOSED", "SUPPRESSED"]),
  type: pick(["PACKAGE_VULNERABILITY", "NETWORK_REACHABILITY", "CODE_VULNERABILITY"]),
  resource: pick(["AWS_EC2_INSTANCE", "AWS_ECR_CONTAINER_IMAGE", "AWS_LAMBDA_FUNCTION"]), inUse: pick([null, 0, 3]),
  exploit: pick([true, false, null]), fix: pick(["YES", "NO", "PARTIAL", null]), age: pick(AGES),
  score: fc.option(fc.integer({ min: 10, max: 99 }).map((n) => n / 10), { nil: null }),
  epss: fc.option(pick([0.00043, 0.5, 0.97]), { nil: null }),
  related: pick([[], ["CVE-2026-0001"], ["cve-2026-0009", "GHSA-aaaa-bbbb-cccc"]]),
  packages: pick([["openssl"], ["openssl", "zlib"], ["zlib"], ["openssl-libs"]]),
  // Resources that share ids under different names (the names table then holds both), a name outside
  // ASCII, later resources, and text with LIKE's wildcards in it.
  resourceId: pick([`arn:aws:lambda:us-east-1:${A}:function:pay:$LATEST`, "i-0abc", "i-0ABD", "repo/web:v1_%"]),
  resourceName: pick([null, "Payments", "web-$LATEST", "Zürich"]),
  more: pick([[], [{ id: "i-0abc", name: "Side" }], [{ id: "vol-9", name: "pay-vol" }, { id: "i-0ABD" }]]),
  // Tags as objects (a value that is no string: `@>` with a string misses it), an array and none.
  tags: pick<Record<string, unknown> | string[]>([{}, { Team: "payments" }, { Team: "web", Env: "prod" }, { Env: 5, "aws:owner": "a:b" }, ["Team"]]),
  // A vulnerability id KEV lists, one it does not, one enrichment knows nothing of, none.
  vulnerability: pick(["CVE-2026-0001", "CVE-2026-0002", "CVE-2026-0003", null]),
  closedAge: pick([null, 1.5, 29.999, 30.001]),
  // The image and AMI columns, the resource's cloud, and when an image was last pulled (days ago).
  ami: pick([null, "ami-0abc1234"]), repository: pick([null, "web", "api"]), imageHash: pick([null, "abababababababababababababababababababababababababababababababab", "sha256:abababababababababababababababababababababababababababababababab"]),
  provider: pick(["AWS", "AWS", "AZURE"]), providerAccount: pick([null, "sub-1"]), pulledAge: pick([null, 10, 40]),
  // Coverage of the finding's resource in its region (a closure is remediated only while ACTIVE), when it
  // became exploitable (days ago), its events (reopened; became exploitable; and the kinds no window
  // counts), and the alert digests that listed it (rule 1's runs 2 and 3).
  coverage: pick([null, "ACTIVE", "INACTIVE"]), exploitSinceAge: pick([null, 10, 29.999, 40]),
  events: pick<[string, string, string, number][]>([[], [["STATUS", "CLOSED", "ACTIVE", 10]], [["EXPLOITABLE", "NO", "YES", 40], ["STATUS", "CLOSED", "ACTIVE", 29.999]],
    [["STATUS", "ACTIVE", "CLOSED", 10], ["EXPLOITABLE", "YES", "NO", 10], ["STATUS", "SUPPRESSED", "ACTIVE", 10]]]),
  digests: pick([[], [2], [2, 3], [3]]),
});
const scopes: Scope[] = [allScope, { accountIds: [A] }, { accountIds: [A, B] }, { accountIds: [] }];
const change = fc.record({ close: fc.integer({ min: 0, max: 4 }), idleAccount: pick([A, B]), inUse: pick([0, 2]), coverage: pick(["INACTIVE", "DELETE", "ACTIVE"]) });

// Filters the index holds: each field alone and in company, grouped by CVE or not.
export const held = [
  "", "inUse=all", "inUse=idle", `account=${A}`, `account=${A}&account=${C}`, "region=eu-west-1", "region=us-east-1&region=eu-west-1",
  "severity=CRITICAL", "severity=HIGH&severity=LOW", "severity=UNTRIAGED", "type=NETWORK_REACHABILITY", "resourceType=AWS_ECR_CONTAINER_IMAGE&inUse=all",
  "resourceType=AWS_LAMBDA_FUNCTION&resourceType=AWS_EC2_INSTANCE", "fix=YES", "fix=PARTIAL", "fix=NO&exploit=YES", "exploit=NA", "exploit=NO",
  "ageMin=30", "ageMax=29", "ageMin=30&ageMax=90", "ageMin=0", "ageMax=0", "exploit=YES&fix=YES&ageMin=30", "severity=HIGH&ageMin=60&region=us-east-1",
  `account=${B}&severity=CRITICAL&ageMax=40&inUse=idle`, "cve=CVE-2026-0001", "cve=cve-2026-0002", "cve=ghsa-AAAA-bbbb-cccc&ageMin=30",
  "cve=CVE-2026-0009", "package=openssl", "package=zlib&severity=HIGH", "package=nothing", "sort=age", "limit=2",
  "resource=%3A%24LATEST", "resource=i-0abc", "resource=I-0AB", "resource=payments&ageMin=30", "resource=side", "resource=PAY-VOL&severity=HIGH",
  "resource=%25", "resource=_", "resource=%C3%BCrich", "resource=Z%C3%9CRICH", "resource=nothing", "resource=i-0ABD&cve=CVE-2026-0001",
  "kev=YES", "kev=NO&severity=HIGH", "kev=UNKNOWN&ageMin=30", "scoreMin=5", "scoreMin=2.5&scoreMax=5", "scoreMax=9.9", "epssMin=0.5", "epssMax=0.5&epssMin=0.00043",
  "status=CLOSED", "status=CLOSED&status=SUPPRESSED&ageMin=30", "status=SUPPRESSED&severity=HIGH", "status=ACTIVE&status=CLOSED&sort=age",
  "owner=payments", "owner=Unowned&severity=HIGH", "owner=bob%40example.com&owner=payments&ou=Production", "ou=Production", "ou=%28none%29",
  "ami=ami-0abc1234", "image=web", "image=abababababababababababababababababababababababababababababababab", "image=sha256%3Aabababababababababababababababababababababababababababababababab&severity=HIGH", "provider=AZURE", "provider=AWS&provider=AZURE&ageMin=30",
  "providerAccount=sub-1", "providerAccount=sub-2", "notPulledDays=30", "notPulledDays=5&inUse=all", "notPulledDays=60&inUse=idle",
  "tag=Team", "tag=Team%3Apayments", "tag=Env%3Aprod&tag=Team%3Aweb", "tag=Env%3A5", "tag=Env", "tag=aws%3Aowner%3Aa%3Ab", "tag=nothing%3Ahere",
  "closure=remediated", "closure=removed", "status=CLOSED&closure=remediated", "status=CLOSED&status=ACTIVE&closure=removed&severity=HIGH",
  "alert=1%3A2", "alert=1%3A3&severity=HIGH", "alert=1%3A2&closure=remediated", "alert=9%3A9",
];
/** Date bounds around the findings' first-seen instants (`now` is theirs): whole UTC days, and instants
 *  exactly on a finding's first sighting (an instant's lower bound is exclusive, its upper inclusive). */
export const dated = (now: number) => {
  const day = (age: number) => daysAgo(age, now).toISOString().slice(0, 10);
  const instant = (age: number) => encodeURIComponent(daysAgo(age, now).toISOString());
  return [`firstSeenFrom=${day(30)}`, `firstSeenTo=${day(30)}`, `firstSeenFrom=${instant(30.001)}`, `firstSeenTo=${instant(29.999)}`,
    `firstSeenFrom=${day(60)}&firstSeenTo=${instant(0.5)}&severity=HIGH`, `status=CLOSED&closedFrom=${day(30)}`,
    `status=CLOSED&status=ACTIVE&closedTo=${instant(29.999)}`, `status=CLOSED&closedFrom=${instant(30.001)}&closedTo=${day(1.5)}`,
    `exploitableFrom=${day(30)}`, `exploitableFrom=${instant(29.999)}&severity=HIGH`, `reopenedFrom=${day(30)}`, `reopenedTo=${instant(29.999)}`,
    `reopenedFrom=${day(60)}&reopenedTo=${day(10)}&status=ACTIVE&status=CLOSED`, `becameExploitableFrom=${day(60)}`, `becameExploitableTo=${day(30)}`,
    `becameExploitableFrom=${instant(40)}&reopenedFrom=${day(30)}&alert=1%3A2`];
};
const sorts = ["score", "severity", "age", "epss"];
/** Where the two files split the held filters (60 % to the first): the date windows (16, each with its
 *  bounds) go with the rest, so that the two take about as long (54 and 53 s on PostgreSQL 15). */
export const heldSplit = Math.ceil(held.length * 0.6);

/** The property over `filters` (given the findings' `now`, for the date windows), for a test's database. */
export function agreesWithDatabase(database: () => TestDatabase, filters: (now: number) => string[]) {
  return async () => {
    const d = database();
    await d.pool.query(`INSERT INTO vulnerability_intel (vulnerability_id, state, source_arn, basis_at, fetched_at, in_kev)
      VALUES ('CVE-2026-0001', 'OK', 'a', now(), now(), true), ('CVE-2026-0002', 'OK', 'b', now(), now(), false), ('CVE-2026-0003', 'OK', 'c', now(), now(), NULL)
      ON CONFLICT DO NOTHING`);
    // A team's account in an OU, one resolved by its owner tag with a blank OU, and C with no row ("Unowned", no OU).
    await d.pool.query(`INSERT INTO accounts (id, name, team, owner, ou_name, updated_at) VALUES ('${A}', 'a', 'payments', NULL, 'Production', now()),
      ('${B}', 'b', NULL, 'bob@example.com', ' ', now()) ON CONFLICT DO NOTHING`);
    await fc.assert(fc.asyncProperty(fc.array(finding, { minLength: 1, maxLength: 16 }), change, async (fs, c) => {
      await d.pool.query("TRUNCATE findings, covered_resources, finding_events, alert_sent CASCADE");
      const now = Date.now();
      for (const f of fs) {
        const arn = await addFinding(d, {
          account_id: f.account, region: f.region, finding_key: f.key, severity: f.severity, status: f.status, type: f.type,
          resource_type: f.resource, exploit_available: f.exploit, fix_available: f.fix, inspector_score: f.score, first_observed_at: daysAgo(f.age, now),
          epss_score: f.epss, related_vulnerabilities: f.related, package_names: f.packages, resource_id: f.resourceId, resource_name: f.resourceName,
          more_resources: f.more, resource_tags: f.tags as Record<string, string>, vulnerability_id: f.vulnerability,
          closed_at: f.closedAge === null ? null : daysAgo(f.closedAge, now), ami_id: f.ami, ecr_repository: f.repository, ecr_image_hash: f.imageHash,
        });
        await d.pool.query("UPDATE findings SET provider = $1, provider_account_id = $2, image_pulled_at = $3 WHERE arn = $4",
          [f.provider, f.providerAccount, f.pulledAge === null ? null : daysAgo(f.pulledAge, now), arn]);
        if (f.resource === "AWS_ECR_CONTAINER_IMAGE") await d.pool.query("UPDATE findings SET in_use_count = $1 WHERE arn = $2", [f.inUse, arn]);
        if (f.exploitSinceAge !== null) await d.pool.query("UPDATE findings SET exploit_since = $1 WHERE arn = $2", [daysAgo(f.exploitSinceAge, now), arn]);
        // A resource listed twice keeps its first coverage (one row per region, resource and scan type).
        if (f.coverage && !(await d.pool.query("SELECT 1 FROM covered_resources WHERE region = $1 AND resource_id = $2", [f.region, f.resourceId])).rowCount) {
          await addCoveredResource(d, { account_id: f.account, region: f.region, resource_id: f.resourceId, code: f.coverage });
        }
        for (const [kind, from, to, age] of f.events) await addFindingEvent(d, arn, kind, daysAgo(age, now), from, to);
        for (const run of f.digests) await d.pool.query("INSERT INTO alert_sent (rule_id, subject, transition, run_id) VALUES (1, $1, $2, $3)", [arn, `t${run}`, run]);
      }
      const same = async () => {
        const index = (await buildFindingsIndex("test"))!;
        for (const qs of filters(now)) {
          // The AMI and image groups over every third filter (the property's time stays near a minute).
          const groups = held.indexOf(qs) % 3 === 0 ? [undefined, "cve", "package", "resource", "ami", "image"] as const : [undefined, "cve", "package", "resource"] as const;
          for (const group of groups) {
            const fl = filter(group ? `group=${group}&${qs}` : qs);
            expect(findingsIndexAnswers(fl), qs).toBe(true);
            for (const scope of scopes) {
              const label = `${group ? `group=${group}&` : ""}${qs} for ${JSON.stringify(scope)}`;
              const matches = await findingsIndexMatches(index, scope, fl);
              if (group) {
                expect(await groupsFromFindingsIndex(index, matches, { ...fl, group }), label).toEqual(await groupFindingsOverFindings(scope, { ...fl, group }));
                // One group a page: the page's last found without sorting every key, its ties kept.
                const one = { ...fl, group, limit: 1 };
                expect(await groupsFromFindingsIndex(index, matches, one), `${label} limit=1`).toEqual(await groupFindingsOverFindings(scope, one));
                continue;
              }
              const count = (await countFindings(scope, fl, 1_000_000)).count;
              expect(matches.length, label).toBe(count);
              // A resource text resolved as the database resolves one too broad to list (resource-match.ts).
              if (fl.resource) expect((await countFindings(scope, await resolveResourceMatch(fl, 0), 1_000_000)).count, `${label} broad`).toBe(count);
              if (scope !== allScope && qs) continue;
              // Every page in every sort, two findings a page, each cursor followed.
              for (const sort of sorts) {
                let asked = { ...filter(`${qs}&sort=${sort}`), limit: 2 };
                for (let pages = 0; pages < 20; pages++) {
                  const ours = await pageFromFindingsIndex(index, await findingsIndexMatches(index, scope, asked), asked);
                  expect(ours, `${label} sort=${sort} page ${pages + 1}`).toEqual(await searchFindings(scope, asked));
                  if (!ours.nextCursor) break;
                  asked = { ...asked, cursor: ours.nextCursor };
                }
              }
            }
          }
        }
      };
      await same();
      await d.pool.query("UPDATE findings SET status = 'CLOSED' WHERE arn IN (SELECT arn FROM findings ORDER BY arn LIMIT $1)", [c.close]);
      await d.pool.query("UPDATE findings SET in_use_count = $1 WHERE account_id = $2 AND resource_type = 'AWS_ECR_CONTAINER_IMAGE'", [c.inUse, c.idleAccount]);
      // A resource no longer scanned, gone from coverage, or scanned again: its closures change kind.
      const one = "(SELECT region, resource_id FROM covered_resources ORDER BY resource_id, region LIMIT 1)";
      if (c.coverage === "DELETE") await d.pool.query(`DELETE FROM covered_resources WHERE (region, resource_id) IN ${one}`);
      else await d.pool.query(`UPDATE covered_resources SET scan_status_code = $1 WHERE (region, resource_id) IN ${one}`, [c.coverage]);
      await same();
    // No shrinking: each run reads every filter in four scopes (~10 s), so a shrink would outlast the timeout.
    }), { numRuns: 8, endOnFailure: true });
  };
}
