// Inspector's estimated monthly cost per account (every region and usage type summed), and the
// total over the accounts in scope. No usage row: null ("—"). Mixed currencies are not summed.
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import type { CostAmount } from "@/lib/domain/cost";

export interface AccountCost extends CostAmount {
  accountId: string;
  readAt: Date;
  byType: Record<string, number | null>;
}

export async function getCostByAccount(scope: Scope, accountIds?: string[]): Promise<Map<string, AccountCost>> {
  const rows = await queryRows<{ account_id: string; usage_type: string; cost: number | null; currencies: string[]; read_at: Date }>(Prisma.sql`
    SELECT account_id, usage_type, sum(estimated_monthly_cost)::float8 AS cost,
      array_remove(array_agg(DISTINCT currency), NULL) AS currencies, min(read_at) AS read_at
    FROM usage_totals u
    WHERE ${scopeWhere(scope, Prisma.sql`u.account_id`)} AND ${accountIds ? Prisma.sql`u.account_id = ANY(${accountIds}::varchar[])` : Prisma.sql`TRUE`}
    GROUP BY account_id, usage_type ORDER BY account_id, usage_type`);
  const out = new Map<string, AccountCost & { currencies: Set<string> }>();
  for (const r of rows) {
    const a = out.get(r.account_id) ?? { accountId: r.account_id, amount: null, currency: null, readAt: r.read_at, byType: {}, currencies: new Set<string>() };
    a.byType[r.usage_type] = r.cost;
    if (r.cost !== null) a.amount = (a.amount ?? 0) + r.cost;
    for (const c of r.currencies) a.currencies.add(c);
    if (r.read_at < a.readAt) a.readAt = r.read_at;
    out.set(r.account_id, a);
  }
  return new Map([...out].map(([id, { currencies, ...a }]) => [id, { ...a, amount: currencies.size > 1 ? null : a.amount, currency: [...currencies][0] ?? null }]));
}

export interface CostTotal extends CostAmount {
  accounts: number;
  readAt: Date | null;
}

export async function getCostTotal(scope: Scope): Promise<CostTotal> {
  const costs = [...(await getCostByAccount(scope)).values()];
  const currencies = new Set(costs.map((c) => c.currency).filter(Boolean));
  const known = costs.filter((c) => c.amount !== null);
  return {
    amount: known.length && currencies.size <= 1 ? Math.round(known.reduce((n, c) => n + c.amount!, 0) * 100) / 100 : null,
    currency: [...currencies][0] ?? null,
    accounts: known.length,
    readAt: costs.length ? new Date(Math.min(...costs.map((c) => c.readAt.getTime()))) : null,
  };
}
