// The planner's estimate for a broad resource text (":$LATEST", every Lambda function): the statistics
// objects of migrations *_findings_resource_text_statistics and *_finding_other_resources_text_statistics
// are on the very expressions the statements build, so ANALYZE gives the planner the text's real share of the findings. Without it PostgreSQL
// guesses 0.5 %, and at 1M findings it read the whole table and sorted it (430-480 ms a page) instead
// of walking the score index (0.5 ms).
import { describe, expect, it } from "vitest";
import type { PoolClient } from "pg";
import { addAccount, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { othersSql, resourceWhere } from "./resource-match";

const database = setupQueryTestDatabase();
const A = "111111111111";
const EACH = 1_000;

/** `n` more findings like the one at `arn`, each on its own resource (`resourceId(i)`). */
async function copies(client: PoolClient, arn: string, n: number, resourceId: string) {
  const { rows } = await client.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'findings' AND column_name <> 'id' AND is_generated = 'NEVER' ORDER BY ordinal_position");
  const columns = rows.map((r) => r.column_name);
  const value = (c: string) => (c === "arn" ? "f.arn || '-' || i" : c === "resource_id" ? `format($3, i)` : `f.${c}`);
  await client.query(
    `INSERT INTO findings (${columns.join(", ")}) SELECT ${columns.map(value).join(", ")} FROM findings f, generate_series(1, $2::int) i WHERE f.arn = $1`,
    [arn, n, resourceId]);
}

/** The planner's row estimate for a statement. */
async function planRows(client: PoolClient, sql: { text: string; values: unknown[] }): Promise<number> {
  const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
  const plan = rows[0]["QUERY PLAN"];
  return (typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan["Plan Rows"];
}

/** The planner's row estimate for the broad text's test on findings. */
async function estimate(client: PoolClient, text: string): Promise<number> {
  const where = resourceWhere(text, { ids: "broad", arns: [], renamed: [] });
  return planRows(client, { text: `SELECT 1 FROM findings f WHERE ${where.text}`, values: where.values });
}

describe("a broad resource text's estimate", () => {
  it("is near the share of findings it matches, from the statistics on the expression the statement tests", async () => {
    await addAccount(database(), A);
    const lambda = await addFinding(database(), { account_id: A, resource_type: "AWS_LAMBDA_FUNCTION", resource_id: "arn:aws:lambda:us-east-1:111111111111:function:fn-0:$LATEST" });
    const instance = await addFinding(database(), { account_id: A, resource_id: "i-0", resource_name: "web-0" });
    const client = await database().pool.connect();
    try {
      await copies(client, lambda, EACH - 1, "arn:aws:lambda:us-east-1:111111111111:function:fn-%s:$LATEST");
      await copies(client, instance, EACH - 1, "i-%s");
      await client.query("ANALYZE findings");
      const matching = Number((await client.query("SELECT count(*) FROM findings WHERE resource_id LIKE '%:$LATEST'")).rows[0].count);
      expect(matching).toBe(EACH);
      const withStatistics = await estimate(client, ":$latest");
      expect(withStatistics).toBeGreaterThan(matching / 2);
      expect(withStatistics).toBeLessThan(matching * 2);
      // Without the statistics object, the planner's guess (what every page of a broad text was planned on).
      await client.query("BEGIN");
      await client.query("DROP STATISTICS findings_resource_text");
      await client.query("ANALYZE findings");
      expect(await estimate(client, ":$latest")).toBeLessThan(matching / 10);
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
  });

  it("is near the share of a finding's later resources it matches, from the same statistics on finding_other_resources", async () => {
    const arn = await addFinding(database(), { account_id: A, resource_id: "i-first" });
    const client = await database().pool.connect();
    try {
      // 2,000 later resources of one finding: every other one a Lambda function's $LATEST.
      await client.query(
        `INSERT INTO finding_other_resources (finding_arn, position, type, resource_id, name)
         SELECT $1, i, 'AWS_LAMBDA_FUNCTION', CASE WHEN i % 2 = 0 THEN format('arn:aws:lambda:us-east-1:111111111111:function:fn-%s:$LATEST', i) ELSE format('i-%s', i) END, NULL
         FROM generate_series(1, $2::int) i`, [arn, 2 * EACH]);
      await client.query("ANALYZE finding_other_resources");
      const withStatistics = await planRows(client, othersSql(":$latest"));
      expect(withStatistics).toBeGreaterThan(EACH / 2);
      expect(withStatistics).toBeLessThan(EACH * 2);
      await client.query("BEGIN");
      await client.query("DROP STATISTICS finding_other_resources_text");
      await client.query("ANALYZE finding_other_resources");
      expect(await planRows(client, othersSql(":$latest"))).toBeLessThan(EACH / 10);
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
  });
});
