// GET /api/admin/audit (CSV) through the real route: a requested limit is honoured, capped at
// 10,000 rows; without one (the page's "Export CSV" link) the cap applies.
import { beforeAll, describe, expect, it } from "vitest";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { GET } from "./route";

const database = setupQueryTestDatabase();

/** Data rows of one export (the header line and the trailing newline aside). */
async function exported(query: string): Promise<string[]> {
  const res = await GET(new Request(`http://127.0.0.1:3000/api/admin/audit${query}`));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
  const lines = (await res.text()).split("\r\n");
  expect(lines.pop()).toBe("");
  expect(lines.shift()).toMatch(/^at,actor_kind,/);
  return lines;
}

describe("GET /api/admin/audit", () => {
  beforeAll(async () => {
    // 10,050 events, one a second back from now.
    await database().pool.query(
      `INSERT INTO audit_events (at, actor_kind, actor_id, actor_name, action, target, detail)
       SELECT now() - make_interval(secs => i), 'user', 'u1', 'ada@example.com', 'token.created', 'tok-' || i, '{}'::jsonb
       FROM generate_series(1, 10050) AS i`,
    );
  });

  it("returns no more rows than asked for, newest first", async () => {
    const rows = await exported("?limit=5");
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.split(",")[5])).toEqual(["\"tok-1\"", "\"tok-2\"", "\"tok-3\"", "\"tok-4\"", "\"tok-5\""]);
    expect(await exported("?action=token&limit=250")).toHaveLength(250);
  });

  it("caps a larger request, and an export without a limit, at 10,000 rows", async () => {
    expect(await exported("?limit=20000")).toHaveLength(10_000);
    expect(await exported("?action=token")).toHaveLength(10_000);
  });

  it("audits each export with the limit it applied", async () => {
    await exported("?limit=3");
    const { rows } = await database().pool.query(`SELECT detail FROM audit_events WHERE action = 'export.audit_csv' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].detail).toMatchObject({ rows: 3, filter: { limit: 3 } });
  });
});
