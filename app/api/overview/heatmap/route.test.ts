// GET /api/overview/heatmap: every row the overview left out of its first paint, with the page's
// region and in-use choices, counted exactly as the page counts them.
import { beforeAll, describe, expect, it } from "vitest";
import { addAccount, addAccountRegion, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { GET } from "./route";

const database = setupQueryTestDatabase();
const ids = Array.from({ length: 130 }, (_, i) => String(100000000000 + i));

beforeAll(async () => {
  const d = database();
  for (const [i, id] of ids.entries()) {
    await addAccount(d, id, { ou_name: `ou-${i % 3}` });
    await addAccountRegion(d, id, "us-east-1");
  }
  await addFinding(d, { account_id: ids[7], severity: "CRITICAL" });
  await addFinding(d, { account_id: ids[7], severity: "HIGH", region: "eu-west-1" });
  const idle = await addFinding(d, { account_id: ids[9], severity: "CRITICAL", resource_type: "AWS_ECR_CONTAINER_IMAGE" });
  await d.pool.query("UPDATE findings SET in_use_count = 0 WHERE arn = $1", [idle]);
}, 120_000);

const get = async (qs: string) => {
  const res = await GET(new Request(`http://127.0.0.1:3000/api/overview/heatmap?${qs}`));
  expect(res.status).toBe(200);
  return ((await res.json()) as { rows: { accountId: string; total: number; counts: Record<string, number> }[] }).rows;
};

describe("GET /api/overview/heatmap", () => {
  it("answers every account in scope, accounts without findings included", async () => {
    const rows = await get("");
    expect(rows).toHaveLength(130);
    expect(rows.find((r) => r.accountId === ids[7])).toMatchObject({ total: 2, counts: { CRITICAL: 1, HIGH: 1 } });
  });

  it("keeps the page's region and in-use choices", async () => {
    expect((await get("region=us-east-1")).find((r) => r.accountId === ids[7])?.total).toBe(1);
    expect((await get("")).find((r) => r.accountId === ids[9])?.total).toBe(0); // idle image: left out by default
    expect((await get("inUse=all")).find((r) => r.accountId === ids[9])?.total).toBe(1);
  });
});
