import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { formatCost } from "@/lib/domain/cost";
import { getCostByAccount, getCostTotal } from "./usage-cost";

const A = "111111111111", B = "222222222222", C = "333333333333";
const database = setupQueryTestDatabase();

beforeAll(async () => {
  const d = database();
  for (const id of [A, B, C]) await addAccount(d, id);
  const add = (a: string, region: string, type: string, cost: number | null) => d.pool.query(
    "INSERT INTO usage_totals (account_id, region, usage_type, total, estimated_monthly_cost, currency, read_at) VALUES ($1, $2, $3, 1, $4, $5, now())",
    [a, region, type, cost, cost === null ? null : "USD"]);
  await add(A, "us-east-1", "EC2_INSTANCE_HOURS", 10.5);
  await add(A, "eu-west-1", "EC2_INSTANCE_HOURS", 2.25);
  await add(A, "us-east-1", "ECR_RESCAN", 0.4);
  await add(B, "us-east-1", "ECR_RESCAN", null);
});

describe("Inspector cost", () => {
  it("sums each account's regions and usage types; no estimate is unknown, no usage row is absent", async () => {
    const m = await getCostByAccount(allScope);
    expect(m.get(A)).toMatchObject({ amount: 13.15, currency: "USD", byType: { EC2_INSTANCE_HOURS: 12.75, ECR_RESCAN: 0.4 } });
    expect(m.get(B)?.amount).toBeNull();
    expect(m.has(C)).toBe(false);
    expect(formatCost(m.get(B))).toBe("—");
    expect(formatCost(m.get(C))).toBe("—");
    expect(formatCost(m.get(A))).toBe("$13.15");
  });

  it("totals the scope's accounts; an empty scope has no total", async () => {
    expect(await getCostTotal(allScope)).toMatchObject({ amount: 13.15, currency: "USD", accounts: 1 });
    expect((await getCostTotal({ accountIds: [B] })).amount).toBeNull();
    expect(formatCost(await getCostTotal({ accountIds: [] }))).toBe("—");
  });
});
