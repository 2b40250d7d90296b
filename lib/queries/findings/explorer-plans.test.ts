// The plans the explorer's reads are shaped for, checked with EXPLAIN on a real database (the
// planner's cheaper-on-a-small-table alternatives turned off) and on the rows they return:
// - the page walks the score index for its keys, and when the filter tests only columns that index
//   carries (migrations findings_score_index_covering, findings_score_index_packages) the walk reads
//   no heap row (10M findings: 0.2 s against ~1 s warm and 84 s cold);
// - a package filter's capped count reads the findings listing it first by the first-package index
//   and the few listing it further down by the GIN index of findings with several packages.
import type { PoolClient } from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma, queryOneSerial, queryRows } from "@/lib/queries/sql";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { parseFindingsFilter } from "./findings-filter";
import { budgetedPageKeysSql, countFindings, countSql, pageKeysSql, searchFindings, walkRange } from "./findings-search";
import { findingsSetParts, findingsWhere } from "./findings-where";
import { namesSql } from "./resource-match";
import { sortSegments } from "./findings-sort";

const database = setupQueryTestDatabase();
const filterOf = (qs: string) => parseFindingsFilter(new URLSearchParams(qs)).filter;

interface PlanNode {
  "Node Type": string; "Index Name"?: string; "Index Cond"?: string; "Heap Fetches"?: number; "Rows Removed by Filter"?: number; "Scan Direction"?: string;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** The scans of the page's key step for a filter, as EXPLAIN ANALYZE reports them. */
async function keyScans(qs: string): Promise<PlanNode[]> {
  const filter = filterOf(qs);
  const seg = sortSegments(filter.sort, filter.severity)[0];
  return scansOf(pageKeysSql(Prisma.sql`${findingsWhere(allScope, filter)} AND ${seg.where}`, seg, 51), ["seqscan", "bitmapscan", "sort"]);
}

/** The scans of the capped count's statement for a filter. */
async function countScans(qs: string): Promise<PlanNode[]> {
  return scansOf(countSql(allScope, filterOf(qs)), ["seqscan"]);
}

async function scansOf(sql: Prisma.Sql, disabled: string[]): Promise<PlanNode[]> {
  return withPathsOff(disabled, async (client) => {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values);
    const plan = rows[0]["QUERY PLAN"];
    return nodes((typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan).filter((n) => /Scan|BitmapAnd/.test(n["Node Type"]));
  });
}

/** `work` on one connection with some of the planner's paths turned off, restored afterwards. */
async function withPathsOff<T>(disabled: string[], work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await database().pool.connect();
  try {
    // A test's few hundred rows: reading them all (and sorting the matches) would be cheaper here than
    // any index, and would prove nothing. At 10M findings the planner picks the index paths itself.
    for (const path of disabled) await client.query(`SET enable_${path} = off`);
    return await work(client);
  } finally {
    await client.query("RESET ALL");
    client.release();
  }
}

const A = "111111111111";
const exploitableFixable: string[] = [];

beforeAll(async () => {
  const d = database();
  await addAccount(d, A, { name: "payments-prod" });
  // The highest scores are neither exploitable nor fixable: the walk passes 360 of them first.
  for (let i = 0; i < 400; i++) {
    const match = i >= 360;
    const arn = await addFinding(d, {
      account_id: A, severity: "HIGH", inspector_score: 9.9 - i / 100, vulnerability_id: `CVE-2024-${1000 + i}`,
      exploit_available: match, fix_available: match ? "YES" : "NO", package_names: i % 2 ? ["openssl"] : ["zlib"],
      resource_type: i % 3 ? "AWS_EC2_INSTANCE" : "AWS_LAMBDA_FUNCTION",
    });
    if (match) exploitableFixable.push(arn);
  }
  // Index-only reads need the visibility map, which VACUUM sets (autovacuum after a sync's writes).
  await d.pool.query("VACUUM (ANALYZE) findings");
});

describe("the explorer page's key walk", () => {
  it("reads only the score index for exploit, fix, region, resource type and the in-use default", async () => {
    const scans = await keyScans("exploit=YES&fix=YES&region=us-east-1&resourceType=AWS_EC2_INSTANCE");
    expect(scans.map((s) => [s["Node Type"], s["Index Name"]])).toEqual([["Index Only Scan", "findings_status_inspector_score_id_idx"]]);
    expect(scans[0]["Heap Fetches"]).toBe(0);
  });

  it("reads only the score index for a package in a region (the package list is carried too)", async () => {
    const scans = await keyScans("package=openssl&region=us-east-1");
    expect(scans.map((s) => [s["Node Type"], s["Index Name"]])).toEqual([["Index Only Scan", "findings_status_inspector_score_id_idx"]]);
    expect(scans[0]["Heap Fetches"]).toBe(0);
  });

  it.each([
    ["score", "findings_status_inspector_score_id_idx", /inspector_score < /, "findings_first_package_status_severity_score_region_idx"],
    ["epss", "findings_status_epss_score_id_idx", /epss_score < /, "findings_first_package_status_epss_region_idx"],
  ])("starts a package's walk by %s at the package's highest value, found in one descent of its first-package index", async (sort, walked, bound, ceilingIndex) => {
    // 30 findings of a package scoring 3.0 (EPSS 0.001), below the fixture's 400 (9.9 down to 5.9, EPSS 0.01).
    const d = database();
    const low: string[] = [];
    for (let i = 0; i < 30; i++) low.push(await addFinding(d, { account_id: A, severity: "LOW", inspector_score: 3, epss_score: 0.001, package_names: ["libold"] }));
    try {
      await d.pool.query("VACUUM (ANALYZE) findings");
      const spy = vi.spyOn(d.pool, "query");
      const page = await searchFindings(allScope, filterOf(`package=libold&region=us-east-1&sort=${sort}`));
      const sent = spy.mock.calls.map(([text, values]) => ({ text: String(text), values: values as unknown[] }));
      spy.mockRestore();
      expect(page.rows.map((r) => r.arn).sort()).toEqual([...low].sort());
      const explain = (q: { text: string; values: unknown[] }) => withPathsOff(["seqscan", "bitmapscan", "sort"], async (client) => {
        const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`, q.values);
        const plan = rows[0]["QUERY PLAN"];
        return nodes((typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan).filter((n) => /Scan/.test(n["Node Type"]) && n["Index Name"]);
      });
      // The ceiling: backward descents of the first-package index, with the value's bucket as its key.
      // (Its probes for a finding without a value take that index at 10M; on this table the planner
      // may take another.)
      const ceiling = sent.find((q) => q.text.includes("floor(least(greatest"));
      expect(ceiling).toBeDefined();
      const descents = (await explain(ceiling!)).filter((n) => /smallint IS NOT NULL/.test(n["Index Cond"] ?? ""));
      expect(descents.length).toBeGreaterThan(0);
      expect(descents.map((n) => [n["Index Name"], n["Scan Direction"]])).toEqual(descents.map(() => [ceilingIndex, "Backward"]));
      // The walk: from just above the package's top down, past none of the 400 higher-valued findings (all of them without it).
      const walk = sent.find((q) => / DESC, f\.id ASC LIMIT/.test(q.text) && bound.test(q.text.replace(/f\./g, "")));
      expect(walk).toBeDefined();
      const [scan] = (await explain(walk!)).filter((n) => n["Index Name"] === walked);
      expect(scan["Index Cond"]).toMatch(bound);
      expect(scan["Rows Removed by Filter"] ?? 0).toBeLessThan(10);
    } finally {
      await d.pool.query("DELETE FROM findings WHERE arn = ANY($1)", [low]);
      await d.pool.query("VACUUM (ANALYZE) findings");
    }
  });

  it("reads only the severity index for a severity by age, the page and its count", async () => {
    const scans = await keyScans("severity=HIGH&ageMin=0");
    expect(scans.map((s) => [s["Node Type"], s["Index Name"]])).toEqual([["Index Only Scan", "findings_status_severity_inspector_score_id_idx"]]);
    expect(scans[0]["Heap Fetches"]).toBe(0);
    const counted = await countScans("severity=HIGH&ageMin=0");
    expect(counted.map((s) => [s["Node Type"], s["Index Name"]])).toEqual([["Index Only Scan", "findings_status_severity_inspector_score_id_idx"]]);
    expect(await countFindings(allScope, filterOf("severity=HIGH&ageMin=0"))).toEqual({ count: 400, capped: false });
  });

  it("still reads heap rows for a column the index does not carry (the EPSS score)", async () => {
    const scans = await keyScans("exploit=YES&epssMin=0.1");
    expect(scans.map((s) => s["Node Type"])).toEqual(["Index Scan"]);
  });

  it("returns a package's page in score order, read back by id", async () => {
    const page = await searchFindings(allScope, { ...filterOf("package=openssl&exploit=YES"), limit: 10 });
    expect(page.rows.map((r) => r.arn)).toEqual(exploitableFixable.filter((_, i) => (360 + i) % 2 === 1).slice(0, 10));
    expect(page.rows.every((r) => r.package_names.includes("openssl") && r.account_name === "payments-prod")).toBe(true);
  });

  it("returns the walked page's rows in score order, whole", async () => {
    const page = await searchFindings(allScope, { ...filterOf("exploit=YES&fix=YES"), limit: 25 });
    expect(page.rows.map((r) => r.arn)).toEqual(exploitableFixable.slice(0, 25));
    expect(page.rows.every((r) => r.exploit_available === "YES" && r.fix_available === "YES" && r.account_name === "payments-prod")).toBe(true);
    const next = await searchFindings(allScope, { ...filterOf("exploit=YES&fix=YES"), limit: 25, cursor: page.nextCursor ?? undefined });
    expect(next.rows.map((r) => r.arn)).toEqual(exploitableFixable.slice(25));
    expect(next.nextCursor).toBeNull();
  });
});

describe("a filter-first page's budgeted walk", () => {
  const exploitFix = filterOf("exploit=YES&fix=YES");
  const seg = sortSegments(exploitFix.sort)[0];
  const walk = (budget: number) =>
    budgetedPageKeysSql(Prisma.sql`f.status = 'ACTIVE' AND ${seg.where}`, findingsWhere(allScope, exploitFix), seg, 10, budget);

  it("passes at most its budget of index entries, reading only the score index", async () => {
    // The matches start at the 361st entry in score order.
    expect(await queryRows(walk(360))).toEqual([]);
    expect(await queryRows(walk(365))).toHaveLength(5);
    const ids = (await queryRows<{ id: bigint }>(walk(400))).map((r) => String(r.id));
    const arns = await queryRows<{ arn: string }>(Prisma.sql`SELECT arn FROM findings WHERE id = ANY(${ids}::bigint[]) ORDER BY inspector_score DESC`);
    expect(arns.map((r) => r.arn)).toEqual(exploitableFixable.slice(0, 10));
    const scans = (await scansOf(walk(400), ["seqscan", "bitmapscan", "sort"])).filter((s) => s["Node Type"] !== "Subquery Scan");
    expect(scans.map((s) => [s["Node Type"], s["Index Name"], s["Heap Fetches"]])).toEqual([["Index Only Scan", "findings_status_inspector_score_id_idx", 0]]);
  });

  it("is tried only for one open index range whose matches would fill the page within half its budget", async () => {
    // 400 open HIGH findings: 40 match exploit and fix, so a page of 16 needs ~160 entries if they were spread.
    const tried = (qs: string, matches: number, budget: number) => walkRange(filterOf(qs), 16, matches, budget).then((r) => r !== undefined);
    expect(await tried("exploit=YES&fix=YES", 40, 320)).toBe(true);
    expect(await tried("exploit=YES&fix=YES", 40, 318)).toBe(false);
    expect(await tried("severity=HIGH&exploit=YES", 40, 320)).toBe(true);
    expect(await tried("exploit=YES&fix=YES", 1, 10_000)).toBe(false); // one match among 400: ~6,400 entries
    expect(await tried("exploit=YES&fix=YES", 2, 10_000)).toBe(true);
    expect(await tried("exploit=YES&status=CLOSED", 40, 10_000)).toBe(false);
    expect(await tried("severity=HIGH&severity=LOW", 40, 10_000)).toBe(false);
    expect(await tried("cve=CVE-2024-1000", 1, 10_000)).toBe(false);
  });

  it("gives the same pages whether it fills them or hands them to the filter-first read", async () => {
    for (const qs of ["exploit=YES&fix=YES", "severity=HIGH&package=openssl", "resourceType=AWS_LAMBDA_FUNCTION&sort=age"]) {
      const { count: matches } = await countFindings(allScope, filterOf(qs));
      const pages = async (walkBudget: number) => {
        const seen: string[][] = [];
        let cursor: string | undefined;
        do {
          const page = await searchFindings(allScope, { ...filterOf(qs), limit: 15, cursor }, undefined, { filterFirst: true, matches, walkBudget });
          seen.push(page.rows.map((r) => r.arn));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return seen;
      };
      const walked = await pages(10_000);
      expect(walked.flat().length, qs).toBeGreaterThan(15);
      // 340 entries: tried (a page of 15 and the one row past it need ~160 spread evenly) and, for exploit and fix, failed
      // (its matches start at the 361st entry); 20: not tried.
      expect(await pages(340), qs).toEqual(walked);
      expect(await pages(20), qs).toEqual(walked);
      expect(await pages(20), qs).toEqual(await searchFindings(allScope, { ...filterOf(qs), limit: 1_000 }).then((p) => [p.rows.map((r) => r.arn)]).then(([all]) => chunk(all, 15)));
    }
  });
});

const chunk = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

describe("a package filter's count", () => {
  it("reads the findings listing it first by the first-package index, the others by the several-packages GIN index", async () => {
    const scans = await countScans("package=openssl&exploit=YES&ageMin=0&region=us-east-1");
    const indexes = scans.map((s) => s["Index Name"]).filter(Boolean);
    // Either first-package index (the score's or the EPSS's: both lead with the package and status).
    expect(indexes).toHaveLength(2);
    expect(indexes[0]).toMatch(/^findings_first_package_status_(severity_score|epss)_region_idx$/);
    expect(indexes[1]).toBe("findings_package_names_several_idx");
  });

  it("walks a first-package index in its own order, not the score index expecting the package early", async () => {
    // At 10M, openssl-libs (low scores) counted by a walk of the score index passed 3.18M entries.
    for (const [qs, index] of [
      ["package=openssl", "findings_first_package_status_epss_region_idx"],
      ["package=openssl&region=us-east-1&exploit=YES", "findings_first_package_status_epss_region_idx"],
      ["package=openssl&severity=HIGH", "findings_first_package_status_severity_score_region_idx"],
    ]) {
      const [first] = (await scansOf(countSql(allScope, filterOf(qs)), ["seqscan", "bitmapscan", "sort"])).filter((n) => n["Index Name"]);
      expect([first["Index Name"], first["Scan Direction"]], qs).toEqual([index, "Backward"]);
    }
    expect(await countFindings(allScope, filterOf("package=openssl"))).toEqual({ count: 200, capped: false });
    expect(await countFindings(allScope, filterOf("package=openssl"), 150)).toEqual({ count: 150, capped: true });
  });

  it("reads a package's open findings of an age by the open first-package index, keyed by age", async () => {
    // The fixture's findings are 10 days old: 20 of openssl and 140 of other packages 90 days old make an
    // age filter match a part of each package, as at 1M findings, where the planner takes this index.
    const d = database();
    const old: string[] = [];
    for (let i = 0; i < 160; i++) {
      old.push(await addFinding(d, { account_id: A, severity: "LOW", package_names: [i % 8 ? `pkg-${i % 7}` : "openssl"], first_observed_at: new Date(Date.now() - 90 * 86_400_000) }));
    }
    try {
      await d.pool.query("VACUUM (ANALYZE) findings");
      // The first part's scan: the index condition holds the age, so the count stops after its cap of
      // entries instead of testing each of the package's findings for age on its heap row.
      const [first] = (await countScans("package=openssl&ageMin=30")).filter((n) => n["Index Name"]);
      expect(first["Index Name"]).toBe("findings_open_first_package_age_idx");
      expect(first["Index Cond"]).toMatch(/first_observed_at <= \(now\(\) - /);
      // Not for a status the index does not hold, nor with the in-use default off.
      for (const qs of ["package=openssl&ageMin=30&status=CLOSED", "package=openssl&ageMin=30&inUse=all"]) {
        const [scan] = (await countScans(qs)).filter((n) => n["Index Name"]);
        expect(scan["Index Name"], qs).not.toBe("findings_open_first_package_age_idx");
      }
      expect(await countFindings(allScope, filterOf("package=openssl&ageMin=60"))).toEqual({ count: 20, capped: false });
      expect(await countFindings(allScope, filterOf("package=openssl&ageMin=120"))).toEqual({ count: 0, capped: false });
      expect(await countFindings(allScope, filterOf("package=openssl&ageMin=0"))).toEqual({ count: 220, capped: false });
      expect(await countFindings(allScope, filterOf("package=openssl&ageMin=60"), 19)).toEqual({ count: 19, capped: true });
    } finally {
      await d.pool.query("DELETE FROM findings WHERE arn = ANY($1)", [old]);
      await d.pool.query("VACUUM (ANALYZE) findings");
    }
  });

  it("counts a package listed after another one, once", async () => {
    const d = database();
    const extra = [
      await addFinding(d, { account_id: A, severity: "LOW", package_names: ["zlib", "openssl"], exploit_available: true }),
      await addFinding(d, { account_id: A, severity: "LOW", package_names: ["openssl", "zlib"], exploit_available: true }),
    ];
    try {
      expect(await countFindings(allScope, filterOf("package=openssl&exploit=YES"))).toEqual({ count: 22, capped: false });
      expect(await countFindings(allScope, filterOf("package=zlib&exploit=YES"))).toEqual({ count: 22, capped: false });
      expect(await countFindings(allScope, filterOf("package=openssl&exploit=YES"), 21)).toEqual({ count: 21, capped: true });
      // A filter-first page reads the same two parts: both listed once, merged in score order.
      const page = await searchFindings(allScope, { ...filterOf("package=openssl&exploit=YES"), limit: 100 }, undefined, { filterFirst: true });
      expect(page.rows).toHaveLength(22);
      expect(page.rows.filter((r) => extra.includes(r.arn)).map((r) => r.arn).sort()).toEqual([...extra].sort());
      const scores = page.rows.map((r) => r.inspector_score ?? -1);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    } finally {
      await d.pool.query("DELETE FROM findings WHERE arn = ANY($1)", [extra]);
    }
  });

  it("is read without parallel workers or synchronized scans, and the settings do not outlive the count", async () => {
    // PostgreSQL's default is 2 workers; the embedded PGlite, one process, starts at 0. Synchronized
    // scans are on by default in both (a test's tables are too small for them to start anywhere else).
    const setting = Prisma.sql`SELECT current_setting('max_parallel_workers_per_gather') AS v, current_setting('synchronize_seqscans') AS s`;
    const [before] = await queryRows<{ v: string; s: string }>(setting);
    expect(before.s).toBe("on");
    expect(await queryOneSerial<{ v: string; s: string }>(setting)).toEqual({ v: "0", s: "off" });
    expect(await queryRows<{ v: string; s: string }>(setting)).toEqual([before]);
  });

  it("counts the same findings as a plain count", async () => {
    const { rows: [plain] } = await database().pool.query(`SELECT count(*)::int AS n FROM findings
      WHERE status = 'ACTIVE' AND package_names @> ARRAY['openssl'] AND exploit_available = 'YES'`);
    expect(plain.n).toBe(20); // every other one of the 40 exploitable findings
    expect(await countFindings(allScope, filterOf("package=openssl&exploit=YES"))).toEqual({ count: plain.n, capped: false });
    // A filter-first page (few matches) reads through the same source.
    const page = await searchFindings(allScope, { ...filterOf("package=openssl&exploit=YES"), limit: 100 }, undefined, { filterFirst: true });
    expect(page.rows.map((r) => r.arn)).toEqual(exploitableFixable.filter((_, i) => (360 + i) % 2 === 1));
  });

  it("keeps the planner's plan when an account, a resource, a vulnerability or the viewer's scope narrows it further", async () => {
    for (const qs of [`package=openssl&account=${A}`, "package=openssl&resource=i-0", "package=openssl&cve=CVE-2024-1001"]) {
      // No first-package part: the planner's plan over findings (a CVE still in its key's parts).
      const parts = findingsSetParts(allScope, filterOf(qs));
      expect(parts.length).toBe(qs.includes("cve=") ? 2 : 1);
      expect(parts.every((p) => p.from.text === "findings f" && !p.where.text.includes("package_names[1]"))).toBe(true);
    }
    expect(findingsSetParts({ accountIds: [A] }, filterOf("package=openssl")).map((p) => p.from.text)).toEqual(["findings f"]);
    expect(findingsSetParts(allScope, filterOf("package=openssl&severity=HIGH"))).toHaveLength(2);
  });
});

describe("the resource search's lookup", () => {
  it("reads the names' trigram index for a part of an id or name, and finds the same rows through it", async () => {
    const sql = namesSql("0000000000000001", 20_002);
    // Without the sequential read and the primary key's walk, only the trigram index can answer the LIKE.
    const scans = await scansOf(sql, ["seqscan", "indexscan", "indexonlyscan"]);
    expect(scans.map((s) => s["Index Name"])).toContain("finding_resource_names_search_trgm_idx");
    const values = (client: PoolClient) => client.query<{ v: string }>(sql.text, sql.values).then((r) => r.rows.map((row) => row.v));
    const viaIndex = await withPathsOff(["seqscan", "indexscan", "indexonlyscan"], values);
    const viaScan = await withPathsOff(["bitmapscan"], values);
    expect(viaIndex.length).toBeGreaterThan(0);
    expect([...viaIndex].sort()).toEqual([...viaScan].sort());
  });
});
