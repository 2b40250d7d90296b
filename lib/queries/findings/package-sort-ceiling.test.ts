// A package filter's page in score, severity or EPSS order starts its walk at the package's highest
// value (package-sort-ceiling.ts). The ceiling must never cut off a finding the filter matches: checked
// against a plain sort of every match, over drawn organizations where the package is listed first or
// further down, without a value, with one out of range, closed, or in another region.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { severityOrder } from "@/lib/domain/severity";
import { addAccount, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { parseFindingsFilter } from "./findings-filter";
import { searchFindings } from "./findings-search";
import { firstOfBucket, packageSortCeilings, type Ceiling } from "./package-sort-ceiling";

const database = setupQueryTestDatabase();
const filterOf = (qs: string) => parseFindingsFilter(new URLSearchParams(qs)).filter;
const A = "111111111111";

beforeAll(async () => {
  await addAccount(database(), A);
});

const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
const finding = fc.record({
  // openssl first, further down, or not at all.
  packages: pick([["openssl"], ["zlib", "openssl"], ["zlib"], ["curl", "zlib"], []]),
  score: fc.oneof(fc.integer({ min: 0, max: 100 }).map((n) => n / 10), pick([null, 12.5, -1, 7.35, 0.05, 7.4999999999999])),
  epss: fc.oneof(fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000), pick([null, 1, 0.17021, 0.00045, 1.5])),
  severity: pick(["CRITICAL", "HIGH", "MEDIUM", "LOW"]),
  status: pick(["ACTIVE", "ACTIVE", "CLOSED"]),
  region: pick(["us-east-1", "eu-west-1"]),
});
const orderOf = { score: "inspector_score DESC NULLS LAST, id", epss: "epss_score DESC NULLS LAST, id",
  severity: `array_position(ARRAY['${severityOrder.join("','")}'], severity), inspector_score DESC NULLS LAST, id` };

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

/** The double just below x (x > 0). */
const previous = (x: number) => {
  const a = new Float64Array([x]);
  new BigInt64Array(a.buffer)[0] -= 1n;
  return a[0];
};
const holds = (c: Ceiling, v: number) => ("below" in c ? v < c.below : v <= c.atMost);

describe("a package's page from its highest value", () => {
  it("lists every match in order, wherever the package is listed and whatever the sort", async () => {
    const d = database();
    const extras = pick(["", "&region=us-east-1", "&status=CLOSED", "&status=ACTIVE&status=CLOSED", "&severity=HIGH", "&severity=HIGH&severity=LOW"]);
    await fc.assert(fc.asyncProperty(fc.array(finding, { minLength: 1, maxLength: 16 }), extras, pick(["score", "epss", "severity"] as const), async (fs, extra, sort) => {
      await d.pool.query("TRUNCATE findings CASCADE");
      for (const f of fs) {
        await addFinding(d, { account_id: A, package_names: f.packages, inspector_score: f.score, epss_score: f.epss, severity: f.severity, status: f.status, region: f.region });
      }
      const qs = `package=openssl&sort=${sort}${extra}`;
      const f = filterOf(qs);
      const truth = await d.pool.query(
        `SELECT arn FROM findings WHERE package_names @> ARRAY['openssl'] AND status = ANY($1) AND ($2::text IS NULL OR region = $2)
         AND (cardinality($3::text[]) = 0 OR severity = ANY($3)) ORDER BY ${orderOf[sort]}`,
        [f.status, f.region[0] ?? null, f.severity]);
      expect(await walk(qs, 3)).toEqual(truth.rows.map((r) => r.arn));
      // Each ceiling bounds every value of its severity's matches, and is null only when they have none.
      for (const column of ["inspector_score", "epss_score"] as const) {
        const ceilings = await packageSortCeilings(allScope, f, column);
        if (!ceilings) continue;
        const matches = fs.filter((x) => x.packages.includes("openssl") && (f.status as string[]).includes(x.status) && (!f.region.length || f.region.includes(x.region))
          && (!f.severity.length || (f.severity as string[]).includes(x.severity)));
        for (const [key, { ceiling: c, unvalued }] of ceilings) {
          const all = matches.filter((x) => key === "*" || x.severity === key).map((x) => (column === "inspector_score" ? x.score : x.epss));
          const values = all.filter((v) => v !== null) as number[];
          if (c === null) expect(values, key).toEqual([]);
          else for (const v of values) expect(holds(c, v), `${key} ${v} ${JSON.stringify(c)}`).toBe(true);
          // A segment without values is skipped only when no match lacks one.
          if (all.includes(null)) expect(unvalued, key).toBe(true);
        }
      }
    }), { numRuns: 40 });
  });

  it("starts below the next bucket exactly: a neighbour's value is not walked", () => {
    for (let n = 0; n < 100; n++) {
      const s = n / 10;
      const t = Math.floor(s * 10);
      expect(s < firstOfBucket(t + 1, 10), String(s)).toBe(true);
      expect((n + 1) / 10 < firstOfBucket(t + 1, 10), String(s)).toBe(false);
    }
    for (let k = 1; k <= 1000; k++) {
      const x = firstOfBucket(k, 1000);
      expect(Math.floor(x * 1000)).toBeGreaterThanOrEqual(k);
      expect(Math.floor(previous(x) * 1000)).toBeLessThan(k);
    }
    // A package whose top is 7.4 does not walk the findings at 7.5.
    expect(firstOfBucket(75, 10)).toBe(7.5);
  });

  it("bounds the first-listed by their index's bucket and the further-listed by their own highest value", async () => {
    const d = database();
    await d.pool.query("TRUNCATE findings CASCADE");
    await addFinding(d, { account_id: A, package_names: ["openssl"], inspector_score: 5.3, severity: "MEDIUM", epss_score: 0.00045 });
    await addFinding(d, { account_id: A, package_names: ["openssl"], inspector_score: 7.4, severity: "HIGH", epss_score: 0.17 });
    await addFinding(d, { account_id: A, package_names: ["zlib"], inspector_score: 9.8, severity: "CRITICAL", epss_score: 0.9 });
    const score = (qs: string, cap?: number) => packageSortCeilings(allScope, filterOf(qs), "inspector_score", cap);
    let c = await score("package=openssl");
    expect(c?.get("*")).toEqual({ ceiling: { below: 7.5 }, unvalued: false });
    expect(c?.get("HIGH")).toEqual({ ceiling: { below: 7.5 }, unvalued: false });
    expect(c?.get("MEDIUM")).toEqual({ ceiling: { below: 5.4 }, unvalued: false });
    // No critical openssl finding: neither of that severity's segments is walked.
    expect(c?.get("CRITICAL")).toEqual({ ceiling: null, unvalued: false });
    expect((await packageSortCeilings(allScope, filterOf("package=openssl"), "epss_score"))?.get("*")).toEqual({ ceiling: { below: 0.171 }, unvalued: false });
    // Listed further down at a higher score: that score is the ceiling.
    await addFinding(d, { account_id: A, package_names: ["zlib", "openssl"], inspector_score: 8.8, severity: "HIGH" });
    c = await score("package=openssl");
    expect(c?.get("*")?.ceiling).toEqual({ atMost: 8.8 });
    expect(c?.get("MEDIUM")?.ceiling).toEqual({ below: 5.4 });
    // An unscored one of them, further down: the high severity's unscored segment is read.
    await addFinding(d, { account_id: A, package_names: ["zlib", "openssl"], inspector_score: null, severity: "HIGH" });
    expect((await score("package=openssl"))?.get("HIGH")?.unvalued).toBe(true);
    expect((await score("package=openssl"))?.get("MEDIUM")?.unvalued).toBe(false);
    // More further-listed findings than it reads: no ceiling.
    expect(await score("package=openssl", 0)).toBeUndefined();
    // Closed findings bound a closed page only.
    await addFinding(d, { account_id: A, package_names: ["openssl"], inspector_score: 9.9, status: "CLOSED" });
    expect((await score("package=openssl"))?.get("*")?.ceiling).toEqual({ atMost: 8.8 });
    expect((await score("package=openssl&status=CLOSED"))?.get("*")?.ceiling).toEqual({ below: 10 });
    // A value at the clamp's top (10, or out of range) gives no ceiling.
    await addFinding(d, { account_id: A, package_names: ["openssl"], inspector_score: 10 });
    expect(await score("package=openssl")).toBeUndefined();
    expect((await score("package=zlib"))?.get("*")?.ceiling).toEqual({ below: 9.9 });
    // Only unscored matches: none, so the page need not walk the scored findings at all.
    await addFinding(d, { account_id: A, package_names: ["libunscored"], inspector_score: null });
    expect((await score("package=libunscored"))?.get("*")).toEqual({ ceiling: null, unvalued: true });
    expect((await searchFindings(allScope, filterOf("package=libunscored"))).rows.map((r) => r.package_names)).toEqual([["libunscored"]]);
    // A filter narrower than the package (an account, a CVE, a viewer's scope) keeps the planner's own plan.
    expect(await score(`package=openssl&account=${A}`)).toBeUndefined();
    expect(await packageSortCeilings({ accountIds: [A] }, filterOf("package=openssl"), "inspector_score")).toBeUndefined();
    expect(await score("package=openssl&cve=CVE-2024-6119")).toBeUndefined();
  });
});
