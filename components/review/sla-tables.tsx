// SLA counts by owner and by account; every row opens its findings in the explorer.
import Link from "next/link";
import { formatCount } from "@/components/ui/format";
import { formatCost } from "@/lib/domain/cost";
import type { SlaAccountRow, SlaOwnerRow } from "@/lib/queries/review/review-types";
import { accountHref, ownerHref, type LinkGroup } from "@/lib/review/review-links";
import { inUseParam, type InUseMode } from "@/lib/domain/in-use";

const num = "px-2 py-1.5 text-right tabular-nums";
const head = "px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-muted";

function Counts({ r }: { r: { breached: number; dueSoon: number; excepted: number } }) {
  return (
    <>
      <td className={`${num} font-semibold ${r.breached ? "text-[#b2182b]" : ""}`}>{formatCount(r.breached)}</td>
      <td className={num}>{formatCount(r.dueSoon)}</td>
      <td className={`${num} text-muted`}>{formatCount(r.excepted)}</td>
    </>
  );
}

function CountHeads() {
  return (
    <>
      <th className={`${head} text-right`}>Breached</th>
      <th className={`${head} text-right`}>Due soon</th>
      <th className={`${head} text-right`}>Excepted</th>
    </>
  );
}

/** `group`: the review's group and "In use only" choice, carried into the explorer links. */
export function SlaByOwner({ rows, group }: { rows: SlaOwnerRow[]; group: LinkGroup }) {
  if (!rows.length) return <p className="text-sm text-muted">No owner has findings breaching or about to breach.</p>;
  return (
    <table className="w-full text-sm" data-testid="sla-by-owner">
      <thead><tr className="border-b border-line"><th className={head}>Owner</th><th className={`${head} text-right`}>Accounts</th><CountHeads /></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.owner} className="border-b border-line/60 last:border-0">
            <td className="px-2 py-1.5"><Link prefetch={false} className="text-accent underline decoration-accent/40 hover:decoration-accent" href={ownerHref(r.owner, group)}>{r.owner}</Link></td>
            <td className={`${num} text-muted`}>{r.accountIds.length}</td>
            <Counts r={r} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SlaByAccount({ rows, inUse }: { rows: SlaAccountRow[]; inUse?: InUseMode }) {
  if (!rows.length) return <p className="text-sm text-muted">No account has findings breaching or about to breach.</p>;
  return (
    <table className="w-full text-sm" data-testid="sla-by-account">
      <thead><tr className="border-b border-line"><th className={head}>Account</th><th className={head}>Owner</th><CountHeads /><th className={`${head} text-right`} title="Inspector's estimated monthly cost (ListUsageTotals) when the review was computed">Cost / mo</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.accountId} className="border-b border-line/60 last:border-0">
            <td className="px-2 py-1.5">
              <Link prefetch={false} className="text-accent underline decoration-accent/40 hover:decoration-accent" href={accountHref(r.accountId, { inUse: inUseParam(inUse) })}>{r.accountName ?? r.accountId}</Link>
              {r.accountName && <span className="ml-1 font-mono text-xs text-muted">{r.accountId}</span>}
            </td>
            <td className="px-2 py-1.5 text-muted">{r.owner}</td>
            <Counts r={r} />
            <td className={`${num} text-muted`}>{formatCost(r.cost)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
