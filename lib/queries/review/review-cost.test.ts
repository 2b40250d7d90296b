import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { withAccountCosts } from "./review-cost";
import type { SlaAccountRow, SlaSection } from "./review-types";

const A = "111111111111", B = "222222222222";
const database = setupQueryTestDatabase();
const row = (accountId: string): SlaAccountRow => ({ accountId, accountName: null, owner: "o", ouName: null, breached: 1, dueSoon: 0, excepted: 0 });
const sla = { byAccount: [row(A), row(B)] } as unknown as SlaSection;

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  await addAccount(d, B);
  await d.pool.query("INSERT INTO usage_totals (account_id, region, usage_type, estimated_monthly_cost, currency, read_at) VALUES ($1, 'us-east-1', 'ECR_RESCAN', 4.2, 'USD', now())", [A]);
});

describe("review account table cost", () => {
  it("adds the estimate where Inspector gave usage and nothing (—) elsewhere", async () => {
    const out = await withAccountCosts(allScope, sla);
    expect(out.byAccount[0].cost).toEqual({ amount: 4.2, currency: "USD" });
    expect("cost" in out.byAccount[1]).toBe(false);
  });

  it("leaves the section untouched when the scope holds no usage", async () => {
    expect(await withAccountCosts({ accountIds: [B] }, sla)).toBe(sla);
  });
});
