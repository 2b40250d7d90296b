// The views over the finding model: every type groups and ranks by its key, a vulnerability id
// finds its aliases, and every resource of a finding is seen by the resource filter, the group-by
// and the detail's "other resources".
import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getTopRisks } from "@/lib/queries/posture/top-risks";
import { parseFindingsFilter } from "./findings-filter";
import { searchFindings } from "./findings-search";
import { groupFindings } from "./findings-groups";
import { getFindingDetail, getOtherResources } from "./finding-detail";

const A = "111111111111";
const database = setupQueryTestDatabase();
const filter = (qs: string) => {
  const parsed = parseFindingsFilter(new URLSearchParams(qs));
  expect(parsed.issues).toEqual([]);
  return parsed.filter;
};
const arnsOf = async (qs: string) => (await searchFindings(allScope, { ...filter(qs), limit: 200 })).rows.map((r) => r.arn).sort();
const f: Record<string, string> = {};

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  f.multi = await addFinding(d, { account_id: A, vulnerability_id: "CVE-2024-5", related_vulnerabilities: ["GHSA-aaaa-bbbb-cccc"], resource_id: "i-1", inspector_score: 8,
    more_resources: [{ id: "i-2", name: "second" }, { id: "i-3" }] });
  f.ghsa = await addFinding(d, { account_id: A, vulnerability_id: "GHSA-aaaa-bbbb-cccc", resource_id: "i-4", inspector_score: 6, exploit_available: null });
  f.code = await addFinding(d, { account_id: A, type: "CODE_VULNERABILITY", vulnerability_id: null, finding_key: "code:python/sql-injection@v1.0:CWE-89", resource_id: "fn-1",
    inspector_score: 9, exploit_available: null, package_names: [] });
  f.code2 = await addFinding(d, { account_id: A, type: "CODE_VULNERABILITY", vulnerability_id: null, finding_key: "code:python/sql-injection@v1.0:CWE-89", resource_id: "fn-2",
    inspector_score: 7, exploit_available: null, package_names: [] });
  f.net = await addFinding(d, { account_id: A, type: "NETWORK_REACHABILITY", vulnerability_id: null, finding_key: "network:TCP:22-22", resource_id: "i-9",
    inspector_score: 5, exploit_available: null, package_names: [] });
});

describe("finding model views", () => {
  it("group by key over every finding type", async () => {
    const { groups } = await groupFindings(allScope, { ...filter("group=cve"), group: "cve" });
    expect(groups.map((g) => [g.key, g.count]).sort()).toEqual([
      ["CVE-2024-5", 1], ["GHSA-aaaa-bbbb-cccc", 1], ["code:python/sql-injection@v1.0:CWE-89", 2], ["network:TCP:22-22", 1],
    ]);
  });

  it("rank code and network findings among the top risks", async () => {
    const risks = await getTopRisks(allScope, []);
    // The GHSA key's count includes the finding that lists it as an alias: what cve=GHSA-… opens (below).
    expect(risks.map((r) => [r.finding_key, r.findings])).toEqual([
      ["code:python/sql-injection@v1.0:CWE-89", 2], ["CVE-2024-5", 1], ["GHSA-aaaa-bbbb-cccc", 2], ["network:TCP:22-22", 1],
    ]);
  });

  it("filter by key or alias, the GHSA id in either case, and by any resource of a finding", async () => {
    expect(await arnsOf("cve=GHSA-aaaa-bbbb-cccc")).toEqual([f.multi, f.ghsa].sort());
    expect(await arnsOf("cve=GHSA-AAAA-BBBB-CCCC")).toEqual([f.multi, f.ghsa].sort());
    expect(await arnsOf("cve=network:TCP:22-22")).toEqual([f.net]);
    expect(await arnsOf("resource=i-3")).toEqual([f.multi]);
    expect(await arnsOf("resource=second")).toEqual([f.multi]);
    expect(await arnsOf("exploit=NA")).toEqual([f.ghsa, f.code, f.code2, f.net].sort());
    expect(await arnsOf("exploit=NO")).toEqual([f.multi]);
    const { groups } = await groupFindings(allScope, { ...filter("group=resource&type=PACKAGE_VULNERABILITY"), group: "resource" });
    expect(groups.map((g) => g.key).sort()).toEqual(["i-1", "i-2", "i-3", "i-4"]);
  });

  it("show this finding's own other resources and its aliases' findings as other resources", async () => {
    const other = async (arn: string) => getOtherResources(allScope, (await getFindingDetail(allScope, arn))!.finding);
    const multi = await other(f.multi);
    expect(multi.rows.map((r) => r.resource_id)).toEqual(["i-2", "i-3", "i-4"]);
    expect(multi.total).toBe(3);
    expect((await other(f.ghsa)).rows.map((r) => r.resource_id)).toEqual(["i-1", "i-2", "i-3"]);
    expect((await other(f.code)).rows.map((r) => r.resource_id)).toEqual(["fn-2"]);
  });
});
