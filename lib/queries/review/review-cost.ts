// The review's account table with Inspector's estimated monthly cost beside each account, as
// read when the review was computed (frozen with it). Accounts without usage get no cost ("—").
import type { Scope } from "@/lib/queries/scope";
import { getCostByAccount } from "@/lib/queries/cost/usage-cost";
import type { SlaSection } from "./review-types";

export async function withAccountCosts(scope: Scope, sla: SlaSection): Promise<SlaSection> {
  if (!sla.byAccount.length) return sla;
  const costs = await getCostByAccount(scope, sla.byAccount.map((r) => r.accountId));
  if (!costs.size) return sla;
  return {
    ...sla,
    byAccount: sla.byAccount.map((r) => {
      const c = costs.get(r.accountId);
      return c ? { ...r, cost: { amount: c.amount, currency: c.currency } } : r;
    }),
  };
}
