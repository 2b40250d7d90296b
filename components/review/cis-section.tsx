import Link from "next/link";
import type { Scope } from "@/lib/queries/scope";
import { getLatestCisScans } from "@/lib/queries/cis/cis-results";
import { reviewAccounts } from "@/lib/queries/review/review-accounts";
import { accountHref } from "@/lib/review/review-links";
import { formatCount, formatDate } from "@/components/ui/format";

/** The review's optional CIS section: per account and region, the latest scan's failed checks, worst first. */
export async function CisReviewLoader({ scope }: { scope: Scope }) {
  const [scans, accounts] = await Promise.all([getLatestCisScans(scope), reviewAccounts(scope)]);
  if (!scans.length) return <p className="text-sm text-muted">No completed CIS benchmark scan in the cache for these accounts.</p>;
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const rows = [...scans].sort((a, b) => (b.failed ?? -1) - (a.failed ?? -1) || a.accountId.localeCompare(b.accountId));
  const head = "px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-muted";
  return (
    <table className="w-full text-sm" data-testid="review-cis">
      <thead><tr className="border-b border-line"><th className={head}>Account</th><th className={head}>Region</th><th className={head}>Scan</th><th className={`${head} text-right`}>Failed checks</th></tr></thead>
      <tbody>
        {rows.map((s) => (
          <tr key={`${s.accountId}/${s.region}`} className="border-b border-line/60 last:border-0">
            <td className="px-2 py-1.5"><Link prefetch={false} className="text-accent underline decoration-accent/40" href={accountHref(s.accountId)}>{names.get(s.accountId) ?? s.accountId}</Link></td>
            <td className="px-2 py-1.5 text-muted">{s.region}</td>
            <td className="px-2 py-1.5 text-muted">{s.scanName ?? "—"} · {formatDate(s.scanDate)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{s.failed === null ? "—" : `${formatCount(s.failed)} of ${formatCount(s.checks ?? 0)}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AddCisSectionLink({ href }: { href: string }) {
  return <p className="mt-8 text-sm" data-no-print><Link href={href} className="font-semibold text-accent hover:underline">Add the CIS benchmark section</Link> <span className="text-muted">(latest scans from the cache, not part of a frozen review)</span></p>;
}
