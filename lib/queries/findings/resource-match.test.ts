// The resource filter's forms (resolved to lists, either list or both "broad", unresolved) find the same findings:
// by a first or a later resource, by id or name, by a part of either in any case, never by a LIKE
// wildcard; and the explorer resolves the text once for its count and its page.
import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { parseFindingsFilter } from "./findings-filter";
import { searchFindings } from "./findings-search";
import { getExplorerResult } from "./explorer-result";
import { resolveResourceMatch, type ResourceMatch } from "./resource-match";

const A = "111111111111";
const database = setupQueryTestDatabase();
const f: Record<string, string> = {};
/** Both lists broad: every finding tested against the text. */
const broadMatch: ResourceMatch = { ids: "broad", arns: "broad" };
const filter = (resource: string) => parseFindingsFilter(new URLSearchParams({ resource })).filter;
const arnsWith = async (resource: string, match: ResourceMatch | undefined) =>
  (await searchFindings(allScope, { ...filter(resource), resourceMatch: match, limit: 100 })).rows.map((r) => r.arn).sort();

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  f.web1 = await addFinding(d, { account_id: A, resource_id: "i-0aaa111", resource_name: "Web-1" });
  f.web2 = await addFinding(d, { account_id: A, resource_id: "i-0aaa222", resource_name: "web-2" });
  f.fn = await addFinding(d, { account_id: A, resource_type: "AWS_LAMBDA_FUNCTION", resource_id: "arn:aws:lambda:us-east-1:111111111111:function:etl:$LATEST", resource_name: "etl" });
  f.multi = await addFinding(d, { account_id: A, resource_id: "i-0bbb", resource_name: "db", more_resources: [{ id: "i-0ccc", name: "Second_Node" }] });
  f.umlaut = await addFinding(d, { account_id: A, resource_id: "r-ddd", resource_name: "ÄRGER-Knoten", more_resources: [{ id: "r-eee", name: "Ölwanne" }] });
});

describe("resource filter", () => {
  const cases: [string, string, string[]][] = [
    ["an exact id", "i-0aaa111", ["web1"]],
    ["a part of ids", "0AAA", ["web1", "web2"]],
    ["a part of a name, any case", "WEB-", ["web1", "web2"]],
    ["a Lambda version suffix", ":$latest", ["fn"]],
    ["a later resource's id", "i-0ccc", ["multi"]],
    ["a later resource's name", "second_node", ["multi"]],
    ["a part of a name in another case, beyond ASCII", "ärger-k", ["umlaut"]],
    ["a later resource's name in another case, beyond ASCII", "ÖLWANNE", ["umlaut"]],
    ["a name's end and the id's start do not join", "knoten", ["umlaut"]],
    ["nor an id's end and its name's start", "dddär", []],
    ["a LIKE wildcard is literal", "i-0aaa_11", []],
    ["a percent sign is literal", "%", []],
    ["nothing", "i-nope", []],
  ];
  it.each(cases)("matches %s the same resolved, broad in either list or both, and unresolved", async (_, text, names) => {
    const expected = names.map((n) => f[n]).sort();
    const resolved = (await resolveResourceMatch(filter(text))).resourceMatch!;
    expect(resolved.ids).not.toBe("broad");
    expect(resolved.arns).not.toBe("broad");
    expect(await arnsWith(text, resolved)).toEqual(expected);
    expect(await arnsWith(text, { ids: "broad", arns: resolved.arns })).toEqual(expected);
    expect(await arnsWith(text, { ids: resolved.ids, arns: "broad" })).toEqual(expected);
    expect(await arnsWith(text, broadMatch)).toEqual(expected);
    expect(await arnsWith(text, undefined)).toEqual(expected);
  });

  it("refuses a text with a line break, naming the field (a match must not span a resource's id and name)", () => {
    const { filter: parsed, issues } = parseFindingsFilter(new URLSearchParams({ resource: "r-ddd\närger" }));
    expect(issues).toEqual([{ field: "resource", message: expect.stringContaining("one line") }]);
    expect(parsed.resource).toBeUndefined();
  });

  it("resolves to the matching ids and later-resource findings, or to broad past the cap", async () => {
    expect((await resolveResourceMatch(filter("0aaa"))).resourceMatch).toEqual({ ids: expect.arrayContaining(["i-0aaa111", "i-0aaa222"]), arns: [] });
    expect((await resolveResourceMatch(filter("i-0"))).resourceMatch).toMatchObject({ arns: [f.multi] });
    // Three first resources but one finding by a later one: only the first list is broad.
    expect((await resolveResourceMatch(filter("i-0"), 2)).resourceMatch).toEqual({ ids: "broad", arns: [f.multi], renamed: [] });
    expect((await resolveResourceMatch(filter("i-0"), 3)).resourceMatch).toEqual({ ids: expect.arrayContaining(["i-0aaa111", "i-0aaa222", "i-0bbb"]), arns: [f.multi] });
    expect((await resolveResourceMatch(filter("i-0"), 0)).resourceMatch).toEqual({ ...broadMatch, renamed: [] });
    const none = parseFindingsFilter(new URLSearchParams("")).filter;
    expect(await resolveResourceMatch(none)).toBe(none);
  });

  it("counts a resource known under several names once, and calls a text broad when its rows fill twice the cap", async () => {
    const d = database();
    const renamed: string[] = [];
    for (const name of ["ren-a", "ren-b", "ren-c", "ren-d", "ren-e"]) renamed.push(await addFinding(d, { account_id: A, resource_id: "i-0ren", resource_name: name }));
    const renC = renamed[2];
    renamed.sort();
    expect((await d.pool.query("SELECT count(*)::int AS n FROM finding_resource_names WHERE resource_id = 'i-0ren'")).rows[0].n).toBe(5);
    expect((await resolveResourceMatch(filter("i-0ren"), 3)).resourceMatch).toEqual({ ids: ["i-0ren"], arns: [] });
    // Five rows for one id reach 2 × (cap + 1) with a cap of 1: broad, and still exactly its findings.
    expect((await resolveResourceMatch(filter("i-0ren"), 1)).resourceMatch).toEqual({ ids: "broad", arns: [], renamed: "broad" });
    expect(await arnsWith("i-0ren", { ids: "broad", arns: [] })).toEqual(renamed);
    expect(await arnsWith("ren-c", (await resolveResourceMatch(filter("ren-c"))).resourceMatch)).toEqual(renamed);
    // One of the names finds all five findings however the text resolves: listed (above), broad with the
    // resources of several names listed, or looked up for each finding (past the cap, or unresolved).
    // Without them a broad search would find only the finding that carries the name itself.
    expect((await resolveResourceMatch(filter("i-0"), 2)).resourceMatch).toEqual({ ids: "broad", arns: [f.multi], renamed: ["i-0ren"] });
    expect((await resolveResourceMatch(filter("ren-c"), 0)).resourceMatch).toEqual({ ids: "broad", arns: [], renamed: "broad" });
    expect(await arnsWith("ren-c", (await resolveResourceMatch(filter("ren-c"), 0)).resourceMatch)).toEqual(renamed);
    expect(await arnsWith("ren-c", { ids: "broad", arns: [], renamed: ["i-0ren"] })).toEqual(renamed);
    expect(await arnsWith("ren-c", { ids: "broad", arns: [] })).toEqual(renamed);
    expect(await arnsWith("ren-c", { ids: "broad", arns: [], renamed: [] })).toEqual([renC]);
  });

  it("gives the explorer the same findings in its total and its page", async () => {
    const result = await getExplorerResult(allScope, filter("web-"));
    expect(result.kind === "list" && [result.total, result.rows.map((r) => r.arn).sort()]).toEqual([2, [f.web1, f.web2].sort()]);
  });
});
