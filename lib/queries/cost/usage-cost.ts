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
  /** Accounts with an estimate. */
  accounts: number;
  readAt: Date | null;
  /** Every currency Inspector estimated in, over the scope: more than one and nothing is summed. */
  currencies: string[];
}

/** The scope's total, summed in the database: one row comes back however many accounts there are (the
 *  overview asks for it on every view; at 1,000 accounts the per-account rows were ~5,000 a request). */
export async function getCostTotal(scope: Scope): Promise<CostTotal> {
  const [r] = await queryRows<{ amount: number | null; accounts: number; read_at: Date | null; currencies: string[] }>(Prisma.sql`
    SELECT sum(u.estimated_monthly_cost)::float8 AS amount,
      count(DISTINCT u.account_id) FILTER (WHERE u.estimated_monthly_cost IS NOT NULL)::int AS accounts,
      min(u.read_at) AS read_at,
      coalesce(array_agg(DISTINCT u.currency ORDER BY u.currency) FILTER (WHERE u.currency IS NOT NULL), '{}') AS currencies
    FROM usage_totals u
    WHERE ${scopeWhere(scope, Prisma.sql`u.account_id`)}`);
  const mixed = r.currencies.length > 1;
  return {
    amount: r.amount === null || mixed ? null : Math.round(r.amount * 100) / 100,
    currency: mixed ? null : (r.currencies[0] ?? null),
    accounts: r.accounts,
    readAt: r.read_at,
    currencies: r.currencies,
  };
}
