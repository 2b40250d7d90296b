import { beforeAll, describe, expect, it } from "vitest";
import { addAccount, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { allScope } from "@/lib/queries/scope";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { exportFindingsCsv } from "@/lib/queries/findings/findings-export";
import { GET as list } from "./route";
import { GET as exportCsv } from "./export/route";
import { ecrFinding } from "@/lib/sync/map/fixtures";
import { toFindingRow } from "@/lib/sync/map/finding-row";
import { upsertFindings } from "@/lib/sync/write/finding-writer";

const A = "111111111111";
const database = setupQueryTestDatabase();
const arns: string[] = [];

beforeAll(async () => {
  await addAccount(database(), A, { name: "prod, \"main\"" });
  for (let i = 0; i < 7; i++) arns.push(await addFinding(database(), { account_id: A, severity: i < 5 ? "HIGH" : "LOW", inspector_score: 9 - i / 10 }));
});

describe("GET /api/findings", () => {
  it("answers a page with the total", async () => {
    const res = await list(new Request("http://127.0.0.1:3000/api/findings?severity=HIGH&limit=2"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ kind: "list", total: 5, totalCapped: false, page: 1 });
    expect(body.rows.map((r: { arn: string }) => r.arn)).toEqual(arns.slice(0, 2));
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it("answers 400 naming every invalid field", async () => {
    const res = await list(new Request("http://127.0.0.1:3000/api/findings?severity=BAD&limit=0&firstSeenFrom=yesterday&region=us-east-1"));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatch(/severity/);
    expect(body.issues.map((i: { field: string }) => i.field)).toEqual(["severity", "firstSeenFrom", "limit"]);
    // Year 0000 is a day JavaScript takes and PostgreSQL has not: refused by name, as the review's date is.
    const year0 = await list(new Request("http://127.0.0.1:3000/api/findings?closedFrom=0000-01-01"));
    expect(year0.status).toBe(400);
    expect((await year0.json()).issues).toEqual([expect.objectContaining({ field: "closedFrom", message: "not a calendar date from 1970 to 9999" })]);
  });

  it("answers 400 for a resource text of two lines, saying what was expected, as the export does", async () => {
    const url = `?resource=${encodeURIComponent("i-0abc\nweb")}&severity=HIGH`;
    const res = await list(new Request(`http://127.0.0.1:3000/api/findings${url}`));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.issues).toEqual([expect.objectContaining({ field: "resource", message: expect.stringMatching(/^expected one line of text/) })]);
    expect((await exportCsv(new Request(`http://127.0.0.1:3000/api/findings/export${url}`))).status).toBe(400);
    // A NUL, which no query can bind: refused as input, by field (the proxy refuses it before the route too).
    const nul = await list(new Request("http://127.0.0.1:3000/api/findings?package=open%00ssl"));
    expect(nul.status).toBe(400);
    expect((await nul.json()).issues).toEqual([expect.objectContaining({ field: "package", message: expect.stringMatching(/NUL character/) })]);
    // One line finds as before.
    expect((await list(new Request("http://127.0.0.1:3000/api/findings?resource=i-0abc"))).status).toBe(200);
  });

  it("groups when asked", async () => {
    const body = await (await list(new Request("http://127.0.0.1:3000/api/findings?group=package"))).json();
    expect(body).toMatchObject({ kind: "groups", totalGroups: 1, groups: [{ key: "openssl", count: 7, high: 5 }] });
  });
});

describe("GET /api/findings/export", () => {
  it("streams every matching row as CSV, ignoring the page's cursor and limit", async () => {
    const res = await exportCsv(new Request("http://127.0.0.1:3000/api/findings/export?severity=HIGH&limit=1"));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="inspectorate-findings-\d+\.csv"/);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(arns.slice(0, 5));
    expect(lines[1]).toContain('"prod, ""main"""');
    // Installed and fixed-in versions come from the finding's raw JSON.
    expect(lines[1]).toContain(",openssl 1.0.0 -> 1.0.1,");
    expect((await exportCsv(new Request("http://127.0.0.1:3000/api/findings/export?exploit=maybe"))).status).toBe(400);
  });

  it("reads in keyset batches without losing or repeating rows", async () => {
    const { filter } = parseFindingsFilter(new URLSearchParams(""));
    const chunks: string[] = [];
    for await (const chunk of exportFindingsCsv(allScope, filter, 2)) chunks.push(chunk);
    expect(chunks).toHaveLength(1 + 4);
    const rows = chunks.join("").trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[0]);
    expect(rows).toEqual(arns);
  });
});

describe("the export's installed versions", () => {
  it("come from the shared part the sync writes them to, and from the own JSON of rows cached before it", async () => {
    const B = "222222222222";
    const mapped = toFindingRow(ecrFinding({ findingArn: `arn:aws:inspector2:us-east-1:${B}:finding/${"e".repeat(32)}`, awsAccountId: B }), "us-east-1");
    if (!mapped.ok) throw new Error(mapped.error);
    await upsertFindings(database().pool, [mapped.row], { runId: null, syncedAt: new Date() });
    const [written] = (await database().pool.query("SELECT raw, raw_installed_part FROM findings WHERE account_id = $1", [B])).rows;
    expect(written.raw_installed_part).toEqual(expect.any(String));
    expect(written.raw).not.toContain("openssl");
    const older = await addFinding(database(), { account_id: B, severity: "LOW" });
    const lines = (await (await exportCsv(new Request(`http://127.0.0.1:3000/api/findings/export?account=${B}`))).text()).trimEnd().split("\r\n");
    const cells = (arn: string) => lines.find((l) => l.startsWith(`${arn},`));
    expect(cells(mapped.row.arn)).toContain(",openssl 3.0.13 -> 0:3.0.13-0ubuntu3.4; libssl3t64 3.0.13 -> no fix; openssl 3.0.13 -> no fix,");
    expect(cells(older)).toContain(",openssl 1.0.0 -> 1.0.1,");
  });
});
