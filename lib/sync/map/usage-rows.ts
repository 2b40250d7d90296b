// ListUsageTotals → usage_totals rows, one per account and usage type. A usage without a type
// is dropped; a missing total or cost stays null (shown "—"), never 0. Pure.
import type { UsageTotal } from "@aws-sdk/client-inspector2";

export interface UsageRow {
  accountId: string;
  usageType: string;
  total: number | null;
  estimatedMonthlyCost: number | null;
  currency: string | null;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function toUsageRows(totals: UsageTotal[]): UsageRow[] {
  const out = new Map<string, UsageRow>();
  for (const t of totals) {
    if (!t.accountId) continue;
    for (const u of t.usage ?? []) {
      if (!u.type) continue;
      out.set(`${t.accountId}/${u.type}`, {
        accountId: t.accountId,
        usageType: u.type,
        total: num(u.total),
        estimatedMonthlyCost: num(u.estimatedMonthlyCost),
        currency: u.currency ?? null,
      });
    }
  }
  return [...out.values()];
}
