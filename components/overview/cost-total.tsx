import Link from "next/link";
import type { Scope } from "@/lib/queries/scope";
import { costTotal } from "@/lib/queries/posture/overview-reads";
import { formatCost } from "@/lib/domain/cost";
import { formatDateTime } from "@/components/ui/format";
import { Card } from "@/components/ui/card";

/** What Inspector costs this month (its own estimate, every region), per account on the accounts page. */
export async function CostTotalLoader({ scope }: { scope: Scope }) {
  const total = await costTotal(scope);
  return (
    <Card title="Inspector cost" actions={<Link href="/accounts" className="text-xs font-semibold text-accent hover:underline">per account</Link>}>
      <div className="text-2xl font-semibold tabular-nums" data-testid="cost-total">{formatCost(total)}</div>
      <p className="mt-0.5 text-xs text-muted">
        {total.amount === null
          ? total.currencies.length > 1
            ? `estimates in ${total.currencies.join(", ")}: not added together; each account's is on the accounts page`
            : total.readAt ? "Inspector gave no estimate for these accounts" : "usage not read yet (each sync reads ListUsageTotals)"
          : `estimated for this month by Inspector · ${total.accounts} account${total.accounts === 1 ? "" : "s"} · all regions · read ${formatDateTime(total.readAt)}`}
      </p>
    </Card>
  );
}
