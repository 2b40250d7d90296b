// "Left Inspector since 2026-11-20": an account's lifecycle beside its name, in place of its last
// sync or coverage state (no hooks, so server and client components can both render it).
import { accountLifecycleLabel } from "@/lib/domain/lifecycle";
import type { AccountLeft } from "@/lib/queries/accounts/account-lifecycle";

export function accountLeftText(left: AccountLeft): string {
  return `${accountLifecycleLabel[left.lifecycle]}${left.since ? ` since ${left.since.slice(0, 10)}` : ""}`;
}

export function AccountLifecycleBadge({ left, className = "" }: { left: AccountLeft | null | undefined; className?: string }) {
  if (!left) return null;
  return (
    <span data-testid="account-lifecycle" title={`${accountLeftText(left)}: Inspector no longer reports this account's findings`}
      className={`inline-flex items-center whitespace-nowrap rounded bg-slate-200 px-1.5 py-0.5 text-[11px] font-semibold text-slate-800 ring-1 ring-inset ring-slate-500/30 ${className}`}>
      {accountLeftText(left)}
    </span>
  );
}
