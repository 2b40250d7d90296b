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
    expect(await getCostTotal(allScope)).toMatchObject({ amount: 13.15, currency: "USD", accounts: 1, currencies: ["USD"] });
    const onlyB = await getCostTotal({ accountIds: [B] });
    expect(onlyB).toMatchObject({ amount: null, accounts: 0, currencies: [] });
    expect(onlyB.readAt).toBeInstanceOf(Date); // read, but Inspector gave no estimate
    const none = await getCostTotal({ accountIds: [] });
    expect(none).toMatchObject({ amount: null, currency: null, accounts: 0, readAt: null, currencies: [] });
    expect(formatCost(none)).toBe("—");
  });

  it("sums every account's every row, as the per-account figures add up, and names its oldest read", async () => {
    const d = database();
    const D = "444444444444", E = "555555555555";
    await addAccount(d, D);
    await addAccount(d, E);
    await d.pool.query(`INSERT INTO usage_totals (account_id, region, usage_type, total, estimated_monthly_cost, currency, read_at)
      VALUES ($1, 'us-east-1', 'EC2_INSTANCE_HOURS', 1, 1.111, 'USD', now() - interval '2 hours'), ($2, 'us-east-1', 'ECR_RESCAN', 1, 2.222, 'USD', now())`, [D, E]);
    const scope = { accountIds: [A, B, D, E] };
    const total = await getCostTotal(scope);
    const each = [...(await getCostByAccount(scope)).values()];
    expect(total.amount).toBe(Math.round(each.reduce((n, c) => n + (c.amount ?? 0), 0) * 100) / 100);
    expect(total.amount).toBe(16.48);
    expect(total.accounts).toBe(each.filter((c) => c.amount !== null).length);
    expect(total.readAt!.getTime()).toBe(Math.min(...each.map((c) => c.readAt.getTime())));
    expect(Date.now() - total.readAt!.getTime()).toBeGreaterThan(3_600_000);
  });

  it("does not add estimates in different currencies: the total is unknown and says which currencies", async () => {
    const d = database();
    const F = "666666666666";
    await addAccount(d, F);
    await d.pool.query(`INSERT INTO usage_totals (account_id, region, usage_type, total, estimated_monthly_cost, currency, read_at)
      VALUES ($1, 'eu-west-1', 'EC2_INSTANCE_HOURS', 1, 3, 'EUR', now())`, [F]);
    const mixed = await getCostTotal({ accountIds: [A, F] });
    expect(mixed).toMatchObject({ amount: null, currency: null, accounts: 2, currencies: ["EUR", "USD"] });
    expect(formatCost(mixed)).toBe("—");
    expect(await getCostTotal({ accountIds: [F] })).toMatchObject({ amount: 3, currency: "EUR", accounts: 1 });
  });
});
