import Link from "next/link";
import type { AccountRegionStateRow } from "@/lib/queries/coverage/coverage-gaps";
import { StatusPill } from "@/components/ui/status-pill";

const shownAccounts = 40;

/** Gap lists (disabled, silent, unreadable): one row per account, its affected regions as pills. */
export function AccountRegionList({ rows, empty, show }: { rows: AccountRegionStateRow[]; empty: string; show: "inspector" | "sync" }) {
  if (!rows.length) return <p className="text-sm text-muted">{empty}</p>;
  const byAccount = new Map<string, AccountRegionStateRow[]>();
  for (const r of rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
  const accounts = [...byAccount.values()];
  return (
    <ul className="divide-y divide-line/70 text-sm">
      {accounts.slice(0, shownAccounts).map((regions) => {
        const a = regions[0];
        return (
          <li key={a.account_id} className="py-1.5">
            <Link prefetch={false} href={`/accounts/${a.account_id}`} className="hover:text-accent hover:underline">{a.name ?? a.account_id}</Link>
            <span className="ml-1.5 font-mono text-[11px] text-muted">{a.account_id}</span>
            <div className="mt-1 flex flex-wrap gap-1">
              {regions.map((r) => (
                <span key={r.region} className="inline-flex items-center gap-1 text-[11px]" title={r.sync_error ?? undefined}>
                  <span className="text-muted">{r.region}</span>
                  {show === "inspector" ? (
                    <StatusPill value={r.inspector_status ?? "UNKNOWN"} label={r.relationship_status && r.relationship_status !== "ENABLED" ? `${(r.inspector_status ?? "unknown").toLowerCase()}, member ${r.relationship_status.toLowerCase()}` : undefined} />
                  ) : (
                    <StatusPill value={r.sync_status} />
                  )}
                </span>
              ))}
            </div>
            {show === "sync" && a.sync_error && <p className="mt-0.5 truncate text-xs text-red-800" title={a.sync_error}>{a.sync_error}</p>}
          </li>
        );
      })}
      {accounts.length > shownAccounts && <li className="pt-2 text-xs text-muted">and {accounts.length - shownAccounts} more accounts</li>}
    </ul>
  );
}
