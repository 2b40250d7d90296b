// The CVE groups read from the key rollups equal the groups counted over the findings, for every
// filter the rollups answer, after any mix of findings, closures and image-usage changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allScope, type Scope } from "@/lib/queries/scope";
import { addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { parseFindingsFilter } from "./findings-filter";
import { groupFindings, groupFindingsOverFindings } from "./findings-groups";
import { keyRollupsAnswer } from "./key-groups";

const database = setupQueryTestDatabase();
const filter = (qs: string) => {
  const parsed = parseFindingsFilter(new URLSearchParams(qs));
  expect(parsed.issues).toEqual([]);
  return { ...parsed.filter, group: parsed.filter.group ?? ("cve" as const) };
};

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1"];
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const finding = fc.record({
  account: pick(["111111111111", "222222222222", "333333333333"]), region: pick(REGIONS.slice(0, 2)),
  key: pick(["CVE-2026-0001", "CVE-2026-0002", "CVE-2026-0003", "GHSA-aaaa-bbbb-cccc"]),
  severity: pick(["CRITICAL", "HIGH", "MEDIUM", "LOW"]), status: pick(["ACTIVE", "ACTIVE", "CLOSED", "SUPPRESSED"]),
  image: fc.boolean(), inUse: pick([null, 0, 3]), exploit: pick([true, false, null]),
  score: fc.option(fc.integer({ min: 10, max: 99 }).map((n) => n / 10), { nil: null }),
});
const A = "111111111111", B = "222222222222";
/** Every account; a scoped viewer of one and of two; one with none; and an account filter within a scope. */
const scopes: Scope[] = [allScope, { accountIds: [A] }, { accountIds: [A, B] }, { accountIds: [] }];
const change = fc.record({ close: fc.integer({ min: 0, max: 4 }), idleAccount: pick(["111111111111", "222222222222"]), inUse: pick([0, 2]) });

// The filters the rollups answer: no region, each region (one without findings too), each switch
// position, critical and/or high, a short page.
const answered = [
  "group=cve", "group=cve&inUse=all", "group=cve&inUse=idle", "group=cve&limit=2",
  "group=cve&severity=CRITICAL", "group=cve&severity=HIGH&inUse=all", "group=cve&severity=HIGH&severity=CRITICAL&inUse=idle",
  ...REGIONS.flatMap((r) => [`group=cve&region=${r}`, `group=cve&region=${r}&inUse=all`, `group=cve&region=${r}&inUse=idle&limit=1`,
    `group=cve&region=${r}&severity=CRITICAL`, `group=cve&region=${r}&severity=HIGH&inUse=all&limit=2`, `group=cve&region=${r}&severity=CRITICAL&severity=HIGH`]),
  `group=cve&account=${A}`, `group=cve&account=${B}&account=${A}&region=eu-west-1&severity=HIGH`, `group=cve&account=333333333333&inUse=all&limit=1`,
];

describe("CVE groups from the key rollups", () => {
  it("are the groups counted over the findings, row for row, after findings, closures and usage changes", async () => {
    const d = database();
    await fc.assert(fc.asyncProperty(fc.array(finding, { minLength: 1, maxLength: 14 }), change, async (fs, c) => {
      await d.pool.query("TRUNCATE findings CASCADE");
      for (const f of fs) {
        const arn = await addFinding(d, {
          account_id: f.account, region: f.region, finding_key: f.key, vulnerability_id: f.key, severity: f.severity, status: f.status,
          resource_type: f.image ? "AWS_ECR_CONTAINER_IMAGE" : "AWS_EC2_INSTANCE", exploit_available: f.exploit, inspector_score: f.score,
        });
        if (f.image) await d.pool.query("UPDATE findings SET in_use_count = $1 WHERE arn = $2", [f.inUse, arn]);
      }
      const same = async () => {
        for (const qs of answered) {
          const fl = filter(qs);
          expect(keyRollupsAnswer(fl), qs).toBe(true);
          for (const scope of scopes) {
            expect(await groupFindings(scope, fl), `${qs} for ${JSON.stringify(scope)}`).toEqual(await groupFindingsOverFindings(scope, fl));
          }
        }
      };
      await same();
      // Some findings close in one statement; an account's images stop (or start) running.
      await d.pool.query("UPDATE findings SET status = 'CLOSED' WHERE arn IN (SELECT arn FROM findings ORDER BY arn LIMIT $1)", [c.close]);
      await d.pool.query("UPDATE findings SET in_use_count = $1 WHERE account_id = $2 AND resource_type = 'AWS_ECR_CONTAINER_IMAGE'", [c.inUse, c.idleAccount]);
      await same();
    }), { numRuns: 25 });
  }, 180_000);

  it("leave every other filter, other severities and a second region to the findings", () => {
    for (const qs of ["group=cve&severity=MEDIUM", "group=cve&severity=CRITICAL&severity=LOW", "group=cve&region=us-east-1&region=eu-west-1", "group=cve&status=CLOSED", "group=cve&owner=payments", "group=cve&ou=Production",
      "group=cve&exploit=YES", "group=cve&ageMin=30", "group=cve&resourceType=AWS_ECR_CONTAINER_IMAGE", "group=cve&package=openssl", "group=package"]) {
      expect(keyRollupsAnswer(filter(qs)), qs).toBe(false);
    }
  });
});
