// A package filter's page in score order starts its walk at the package's highest score
// (package-score-ceiling.ts). The ceiling must never cut off a finding the filter matches: checked
// against a plain sort of every match, over drawn organizations where the package is listed first or
// further down, unscored, scored out of 0-10, closed, or in another region.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { parseFindingsFilter } from "./findings-filter";
import { searchFindings } from "./findings-search";
import { packageScoreCeiling } from "./package-score-ceiling";

const database = setupQueryTestDatabase();
const filterOf = (qs: string) => parseFindingsFilter(new URLSearchParams(qs)).filter;
const A = "111111111111";
const B = "222222222222";

const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
const finding = fc.record({
  // openssl first, further down, or not at all.
  packages: pick([["openssl"], ["zlib", "openssl"], ["zlib"], ["curl", "zlib"], []]),
  score: fc.oneof(fc.integer({ min: 0, max: 100 }).map((n) => n / 10), pick([null, 12.5, -1, 7.35, 0.05])),
  status: pick(["ACTIVE", "ACTIVE", "CLOSED"]),
  region: pick(["us-east-1", "eu-west-1"]),
});

/** Every page of a filter, walked by cursor as the explorer's "next" does. */
async function walk(qs: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await searchFindings(allScope, { ...filterOf(qs), limit, cursor });
    seen.push(...page.rows.map((r) => r.arn));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

beforeAll(async () => {
  await addAccount(database(), A);
});

describe("a package's page in score order", () => {
  it("lists every match in score order from the package's highest score, wherever the package is listed", async () => {
    const d = database();
    await fc.assert(fc.asyncProperty(fc.array(finding, { minLength: 1, maxLength: 16 }), pick(["", "&region=us-east-1", "&status=CLOSED", "&status=ACTIVE&status=CLOSED"]), async (fs, extra) => {
      await d.pool.query("TRUNCATE findings CASCADE");
      for (const f of fs) await addFinding(d, { account_id: A, package_names: f.packages, inspector_score: f.score, status: f.status, region: f.region });
      const qs = `package=openssl${extra}`;
      const f = filterOf(qs);
      const truth = await d.pool.query(
        `SELECT arn FROM findings WHERE package_names @> ARRAY['openssl'] AND status = ANY($1) AND ($2::text IS NULL OR region = $2)
         AND (resource_type <> 'AWS_ECR_CONTAINER_IMAGE' OR in_use_count IS DISTINCT FROM 0) ORDER BY inspector_score DESC NULLS LAST, id`,
        [f.status, f.region[0] ?? null]);
      expect(await walk(qs, 3)).toEqual(truth.rows.map((r) => r.arn));
      // The ceiling bounds every scored match, and says so when none is scored.
      const ceiling = await packageScoreCeiling(allScope, f);
      const scores = fs.filter((x) => x.packages.includes("openssl") && f.status.includes(x.status as "ACTIVE") && (!f.region.length || f.region.includes(x.region)) && x.score !== null).map((x) => x.score as number);
      if (ceiling === null) expect(scores).toEqual([]);
      else if (ceiling !== undefined) expect(Math.max(...scores)).toBeLessThanOrEqual(ceiling);
    }), { numRuns: 30 });
  });

  it("bounds the first-listed by the index's tenth and the further-listed by their own highest score", async () => {
    const d = database();
    await d.pool.query("TRUNCATE findings CASCADE");
    await addFinding(d, { account_id: A, package_names: ["openssl"], inspector_score: 5.3 });
    await addFinding(d, { account_id: A, package_names: ["openssl"], inspector_score: 7.5 });
    await addFinding(d, { account_id: A, package_names: ["zlib"], inspector_score: 9.8 });
    expect(await packageScoreCeiling(allScope, filterOf("package=openssl"))).toBeCloseTo(7.65, 10);
    // Listed further down at a higher score: that score is the ceiling.
    await addFinding(d, { account_id: A, package_names: ["zlib", "openssl"], inspector_score: 8.8 });
    expect(await packageScoreCeiling(allScope, filterOf("package=openssl"))).toBe(8.8);
    // More further-listed findings than it reads: no ceiling.
    expect(await packageScoreCeiling(allScope, filterOf("package=openssl"), 0)).toBeUndefined();
    // Closed findings bound a closed page only.
    await addFinding(d, { account_id: A, package_names: ["openssl"], inspector_score: 9.9, status: "CLOSED" });
    expect(await packageScoreCeiling(allScope, filterOf("package=openssl"))).toBe(8.8);
    expect(await packageScoreCeiling(allScope, filterOf("package=openssl&status=CLOSED"))).toBeCloseTo(10.05, 10);
    // A score of 10 (the clamp's top) gives no ceiling.
    await addFinding(d, { account_id: A, package_names: ["openssl"], inspector_score: 10 });
    expect(await packageScoreCeiling(allScope, filterOf("package=openssl"))).toBeUndefined();
    expect(await packageScoreCeiling(allScope, filterOf("package=zlib"))).toBeCloseTo(9.95, 10);
    // Only unscored matches: none, so the page need not walk the scored findings at all.
    await addFinding(d, { account_id: A, package_names: ["libunscored"], inspector_score: null });
    expect(await packageScoreCeiling(allScope, filterOf("package=libunscored"))).toBeNull();
    expect((await searchFindings(allScope, filterOf("package=libunscored"))).rows.map((r) => r.package_names)).toEqual([["libunscored"]]);
    // A filter narrower than the package (an account, a CVE) keeps the planner's own plan.
    await addAccount(d, B);
    expect(await packageScoreCeiling(allScope, filterOf(`package=openssl&account=${A}`))).toBeUndefined();
    expect(await packageScoreCeiling({ accountIds: [A] }, filterOf("package=openssl"))).toBeUndefined();
    expect(await packageScoreCeiling(allScope, filterOf("package=openssl&cve=CVE-2024-6119"))).toBeUndefined();
  });
});
