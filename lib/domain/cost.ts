// Inspector's estimated monthly cost (ListUsageTotals), formatted once for every view. Missing is
// "—" (not read, or Inspector gave no estimate), never $0.

export interface CostAmount {
  amount: number | null;
  currency: string | null;
}

export function formatCost(c: CostAmount | null | undefined): string {
  if (!c || c.amount === null || !Number.isFinite(c.amount)) return "—";
  const currency = c.currency ?? "USD";
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(c.amount);
  } catch {
    return `${c.amount.toFixed(2)} ${currency}`; // a currency code Intl does not know
  }
}
