import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addFinding, addFindingEvent, daysAgo, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { parseFindingsFilter } from "./findings-filter";
import { countFindings, searchFindings, type FindingRow } from "./findings-search";
import { groupFindings } from "./findings-groups";

const A = "111111111111", B = "222222222222", C = "333333333333";
const database = setupQueryTestDatabase();
const filter = (qs: string) => {
  const parsed = parseFindingsFilter(new URLSearchParams(qs));
  expect(parsed.issues).toEqual([]);
  return parsed.filter;
};
const arnsOf = async (qs: string, scope = allScope) => (await searchFindings(scope, { ...filter(qs), limit: 200 })).rows.map((r) => r.arn).sort();

let named: Record<string, string> = {};

beforeAll(async () => {
  const d = database();
  await addAccount(d, A, { name: "payments-prod", owner: "alice@example.com", ou_name: "Production" });
  await addAccount(d, B, { name: "data-dev", owner: "bob@example.com", ou_name: "Development" });
  await addAccount(d, C, { name: "sandbox", owner: "bob@example.com", ou_name: "Sandbox" });
  named = {
    critEc2: await addFinding(d, { account_id: A, severity: "CRITICAL", inspector_score: 9.8, epss_score: 0.9, exploit_available: true, exploit_since: daysAgo(3), vulnerability_id: "CVE-2024-0001", package_names: ["openssl", "libssl3"], resource_id: "i-0aaa", resource_name: "web-1", ami_id: "ami-0123456789abcdef0", resource_tags: { env: "prod", "aws:cloudformation:stack-name": "web" }, first_observed_at: daysAgo(40) }),
    highImage: await addFinding(d, { account_id: A, region: "eu-west-1", severity: "HIGH", inspector_score: 7.5, epss_score: 0.2, vulnerability_id: "CVE-2024-0001", package_names: ["openssl"], resource_type: "AWS_ECR_CONTAINER_IMAGE", resource_id: "arn:aws:ecr:eu-west-1:111111111111:repository/api/sha256:abc", ecr_repository: "api", ecr_image_hash: "sha256:" + "a".repeat(64), fix_available: "NO", first_observed_at: daysAgo(5) }),
    medLambda: await addFinding(d, { account_id: B, severity: "MEDIUM", inspector_score: 5.0, epss_score: null, vulnerability_id: "GHSA-abcd-efgh-ijkl", package_names: ["lodash"], resource_type: "AWS_LAMBDA_FUNCTION", resource_id: "arn:aws:lambda:us-east-1:222222222222:function:etl", resource_name: "etl", fix_available: "PARTIAL", first_observed_at: daysAgo(100) }),
    network: await addFinding(d, { account_id: B, type: "NETWORK_REACHABILITY", severity: "MEDIUM", inspector_score: null, epss_score: null, vulnerability_id: null, package_names: [], fix_available: null, resource_id: "i-0bbb", first_observed_at: daysAgo(1) }),
    closed: await addFinding(d, { account_id: B, status: "CLOSED", severity: "CRITICAL", inspector_score: 9.1, closed_at: daysAgo(2), vulnerability_id: "CVE-2024-0002", first_observed_at: daysAgo(20) }),
    reopened: await addFinding(d, { account_id: C, severity: "LOW", inspector_score: 2.0, vulnerability_id: "CVE-2024-0003", first_observed_at: daysAgo(60) }),
    suppressed: await addFinding(d, { account_id: C, status: "SUPPRESSED", severity: "HIGH", inspector_score: 8.0, first_observed_at: daysAgo(15) }),
  };
  await addFindingEvent(d, named.reopened, "STATUS", daysAgo(30), "ACTIVE", "CLOSED");
  await addFindingEvent(d, named.reopened, "STATUS", daysAgo(4), "CLOSED", "ACTIVE");
});

describe("searchFindings filters", () => {
  it("defaults to open findings, highest Inspector score first, unscored last", async () => {
    const page = await searchFindings(allScope, filter(""));
    expect(page.rows.map((r) => r.arn)).toEqual([named.critEc2, named.highImage, named.medLambda, named.reopened, named.network]);
    expect(page.rows[0].account_name).toBe("payments-prod");
    expect(await countFindings(allScope, filter(""))).toEqual({ count: 5, capped: false });
    expect(await countFindings(allScope, filter(""), 3)).toEqual({ count: 3, capped: true });
  });

  it("applies the viewer's scope in SQL, whatever the filter asks", async () => {
    expect(await arnsOf("", { accountIds: [B] })).toEqual([named.medLambda, named.network].sort());
    expect(await arnsOf(`account=${A}`, { accountIds: [B] })).toEqual([]);
    expect(await arnsOf("", { accountIds: [] })).toEqual([]);
    expect((await countFindings({ accountIds: [C] }, filter("status=ACTIVE&status=SUPPRESSED"))).count).toBe(2);
  });

  it.each([
    ["account", `account=${A}&account=${C}`, ["critEc2", "highImage", "reopened"]],
    ["region", "region=eu-west-1", ["highImage"]],
    ["severity", "severity=CRITICAL&severity=LOW", ["critEc2", "reopened"]],
    ["status", "status=CLOSED&status=SUPPRESSED", ["closed", "suppressed"]],
    ["type", "type=NETWORK_REACHABILITY", ["network"]],
    ["resourceType", "resourceType=AWS_LAMBDA_FUNCTION", ["medLambda"]],
    ["resource id substring", "resource=0aa", ["critEc2"]],
    ["resource name", "resource=ETL", ["medLambda"]],
    ["resource id, any case", "resource=I-0AAA", ["critEc2"]],
    ["resource name part, any case", "resource=WEB-", ["critEc2"]],
    ["resource: LIKE wildcards are literal", "resource=i-0_aa", []],
    ["cve, case-insensitive for CVEs", "cve=cve-2024-0001", ["critEc2", "highImage"]],
    ["cve, GHSA as typed", "cve=GHSA-abcd-efgh-ijkl", ["medLambda"]],
    ["package", "package=openssl", ["critEc2", "highImage", "reopened"]],
    ["package, one of several", "package=libssl3", ["critEc2"]],
    ["fix", "fix=PARTIAL", ["medLambda"]],
    ["exploit yes", "exploit=YES", ["critEc2"]],
    ["exploit no", "exploit=NO", ["highImage", "medLambda", "network", "reopened"]],
    ["epss range", "epssMin=0.1&epssMax=0.5", ["highImage"]],
    ["score range", "scoreMin=5&scoreMax=8", ["highImage", "medLambda"]],
    ["age min", "ageMin=50", ["medLambda", "reopened"]],
    ["age max", "ageMax=5", ["highImage", "network"]],
    ["tag key:value", "tag=env:prod", ["critEc2"]],
    ["tag with colons in the key", "tag=aws:cloudformation:stack-name:web", ["critEc2"]],
    ["tag mismatch", "tag=env:dev", []],
    ["owner", "owner=bob@example.com", ["medLambda", "network", "reopened"]],
    ["ou", "ou=Production", ["critEc2", "highImage"]],
    ["first seen window", `firstSeenFrom=${day(45)}&firstSeenTo=${day(30)}`, ["critEc2"]],
    ["closed window (with status)", `status=CLOSED&closedFrom=${day(3)}&closedTo=${day(0)}`, ["closed"]],
    ["reopened since", `reopenedFrom=${day(7)}`, ["reopened"]],
    ["reopened too early", `reopenedFrom=${day(2)}`, []],
    ["exploitable since", `exploitableFrom=${day(5)}`, ["critEc2"]],
    ["ami", "ami=ami-0123456789abcdef0", ["critEc2"]],
    ["image by repository", "image=api", ["highImage"]],
    ["image by bare digest", `image=${"a".repeat(64)}`, ["highImage"]],
  ])("filters by %s", async (_name, qs, expected) => {
    expect(await arnsOf(qs)).toEqual(expected.map((k) => named[k]).sort());
    expect((await countFindings(allScope, filter(qs))).count).toBe(expected.length);
  });

  it("filters by ou=(none): the accounts without an OU, as the heatmap groups them", async () => {
    const d = database();
    const N = "555555555555";
    await addAccount(d, N, { name: "no-ou", ou_name: null });
    const arn = await addFinding(d, { account_id: N, severity: "LOW" });
    try {
      expect(await arnsOf("ou=(none)")).toEqual([arn]);
      expect(await arnsOf("ou=Production&ou=(none)")).toEqual([named.critEc2, named.highImage, arn].sort());
    } finally {
      await d.pool.query("DELETE FROM findings WHERE arn = $1", [arn]);
    }
  });
});

function day(n: number) {
  return daysAgo(n).toISOString().slice(0, 10);
}

describe("searchFindings keyset paging", () => {
  const X = "444444444444";
  beforeAll(async () => {
    const d = database();
    await addAccount(d, X);
    // Ties on score and on first-seen, unscored and no-EPSS rows: the hard cases for keyset paging.
    for (let i = 0; i < 37; i++) {
      await addFinding(d, { account_id: X, status: i % 7 === 3 ? "CLOSED" : "ACTIVE", severity: ["CRITICAL", "HIGH", "LOW"][i % 3], inspector_score: i % 5 === 0 ? null : [9.1, 7.0, 7.0, 3.3][i % 4], epss_score: i % 4 === 0 ? null : (i % 3) / 10, first_observed_at: daysAgo(i % 6) });
    }
  });

  it.each([
    ["score", false], ["severity", false], ["age", false], ["epss", false],
    ["score", true], ["severity", true], ["age", true], ["epss", true],
  ])("walks every row exactly once when sorted by %s (filter first: %s)", async (sort, filterFirst) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchFindings(allScope, { ...filter(`account=${X}&sort=${sort}`), limit: 4, cursor }, undefined, { filterFirst });
      pages += 1;
      expect(page.page).toBe(pages);
      seen.push(...page.rows.map((r) => r.arn));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toBe(8);
    expect(new Set(seen).size).toBe(32);
    const all = await searchFindings(allScope, { ...filter(`account=${X}&sort=${sort}`), limit: 200 });
    expect(seen).toEqual(all.rows.map((r) => r.arn));
  });

  it.each([["score", false], ["epss", false], ["score", true]])("merges several statuses and severities in %s order, page by page (filter first: %s)", async (sort, filterFirst) => {
    const qs = `account=${X}&sort=${sort}&status=ACTIVE&status=CLOSED&severity=CRITICAL&severity=LOW`;
    const seen: FindingRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchFindings(allScope, { ...filter(qs), limit: 3, cursor }, undefined, { filterFirst: filterFirst as boolean });
      seen.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const column = sort === "score" ? "inspector_score" : "epss_score";
    const truth = await database().pool.query(
      `SELECT arn FROM findings WHERE account_id = $1 AND severity IN ('CRITICAL', 'LOW') ORDER BY ${column} DESC NULLS LAST, id`, [X]);
    expect(seen.map((r) => r.arn)).toEqual(truth.rows.map((r) => r.arn));
    expect(seen.some((r) => r.status === "CLOSED")).toBe(true);
  });

  it("orders by severity, then score, reading only the severities asked for", async () => {
    const highs = (await searchFindings(allScope, { ...filter(`account=${X}&sort=severity&severity=HIGH`), limit: 200 })).rows;
    expect(highs.length).toBeGreaterThan(0);
    expect(highs.every((r) => r.severity === "HIGH")).toBe(true);
    const rows = (await searchFindings(allScope, { ...filter(`account=${X}&sort=severity`), limit: 200 })).rows;
    const ranks = rows.map((r) => ["CRITICAL", "HIGH", "LOW"].indexOf(r.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe("groupFindings", () => {
  it("counts per CVE with severity splits, worst first", async () => {
    const { groups, totalGroups } = await groupFindings(allScope, { ...filter("group=cve"), group: "cve" });
    expect(groups[0]).toMatchObject({ key: "CVE-2024-0001", count: 2, critical: 1, high: 1, exploitable: 1, accounts: 1, max_score: 9.8 });
    expect(totalGroups).toBe(groups.length);
  });

  it("labels a CVE group with the title of its top-scored finding within the filter", async () => {
    const all = await groupFindings(allScope, { ...filter("group=cve"), group: "cve" });
    expect(all.groups.find((g) => g.key === "CVE-2024-0001")?.label).toBe("CVE-2024-0001 - openssl, libssl3");
    // The critical EC2 finding (score 9.8) is in us-east-1: the image's own title labels the eu-west-1 group.
    const eu = await groupFindings(allScope, { ...filter("group=cve&region=eu-west-1"), group: "cve" });
    expect(eu.groups).toEqual([expect.objectContaining({ key: "CVE-2024-0001", label: "CVE-2024-0001 - openssl", count: 1, high: 1 })]);
  });

  it("counts per package over the unnested package list, within the filter and scope", async () => {
    const { groups } = await groupFindings({ accountIds: [A] }, { ...filter("group=package"), group: "package" });
    expect(groups.map((g) => [g.key, g.count])).toEqual([["openssl", 2], ["libssl3", 1]]);
  });

  it("groups by image and AMI", async () => {
    const image = await groupFindings(allScope, { ...filter("group=image"), group: "image" });
    expect(image.groups).toEqual([expect.objectContaining({ key: "sha256:" + "a".repeat(64), label: "api", count: 1 })]);
    const ami = await groupFindings(allScope, { ...filter("group=ami"), group: "ami" });
    expect(ami.groups.map((g) => g.key)).toEqual(["ami-0123456789abcdef0"]);
  });
});

describe("a CVE's findings and its aliases' (read as disjoint parts)", () => {
  const Y = "999999999999";
  beforeAll(async () => {
    const d = database();
    await addAccount(d, Y);
    // Scores tie across the parts, some are missing: the merge and the cursor must still agree.
    for (let i = 0; i < 9; i++) {
      await addFinding(d, { account_id: Y, vulnerability_id: "CVE-2030-0001", inspector_score: i % 4 === 0 ? null : [8.1, 5.5, 5.5][i % 3] });
      await addFinding(d, { account_id: Y, vulnerability_id: `GHSA-aaaa-bbbb-000${i}`, related_vulnerabilities: ["CVE-2030-0001"], inspector_score: i % 3 ? 5.5 : null });
      await addFinding(d, { account_id: Y, vulnerability_id: "CVE-2030-0002", inspector_score: 9.9 });
    }
  });

  it.each([["score", false], ["age", false], ["score", true]])("pages through them all in %s order, each once (filter first: %s)", async (sort, filterFirst) => {
    const qs = `account=${Y}&cve=cve-2030-0001&sort=${sort}`;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchFindings(allScope, { ...filter(qs), limit: 4, cursor }, undefined, { filterFirst: filterFirst as boolean });
      seen.push(...page.rows.map((r) => r.arn));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const order = sort === "score" ? "inspector_score DESC NULLS LAST, id" : "first_observed_at ASC, id";
    const truth = await database().pool.query(
      `SELECT arn FROM findings WHERE account_id = $1 AND (finding_key = 'CVE-2030-0001' OR 'CVE-2030-0001' = ANY(related_vulnerabilities)) ORDER BY ${order}`, [Y]);
    expect(truth.rows).toHaveLength(18);
    expect(seen).toEqual(truth.rows.map((r) => r.arn));
  });

  it("counts them exactly, part by part, and says when the count passed its cap", async () => {
    const f = filter(`account=${Y}&cve=CVE-2030-0001`);
    expect(await countFindings(allScope, f)).toEqual({ count: 18, capped: false });
    expect(await countFindings(allScope, f, 18)).toEqual({ count: 18, capped: false });
    // Nine of the key's own and nine aliases': each part under the cap, their sum over it.
    expect(await countFindings(allScope, f, 12)).toEqual({ count: 12, capped: true });
    expect(await countFindings(allScope, filter(`account=${Y}&cve=GHSA-aaaa-bbbb-0001`))).toEqual({ count: 1, capped: false });
  });
});
