import Link from "next/link";
import type { ScanConfigWarning } from "@/lib/domain/scan-config-warnings";

/** What will go wrong next, worst first: each warning with the fix in plain words. */
export function ScanConfigWarnings({ warnings, configured }: { warnings: ScanConfigWarning[]; configured: boolean }) {
  const unread = <p className="text-sm text-muted">Auto-enable: — (the organization&apos;s scan configuration has not been read yet; each sync reads it).</p>;
  if (!warnings.length) return configured ? <p className="text-sm text-muted">Auto-enable is on for every scan type in every synced region, and no account&apos;s scanning is stopping.</p> : unread;
  return (
    <>
    {!configured && unread}
    <ul className="divide-y divide-line" data-testid="scan-config-warnings">
      {warnings.map((w) => (
        <li key={w.message} className="flex gap-3 py-2.5" data-level={w.level}>
          <span aria-hidden className={`mt-1.5 size-2.5 shrink-0 rounded-full ${w.level === "critical" ? "bg-sev-critical" : "bg-sev-medium"}`} />
          <div className="min-w-0 text-sm">
            <p className="font-semibold">
              <span className="sr-only">{w.level === "critical" ? "Critical: " : "Warning: "}</span>
              {w.accountId ? <Link prefetch={false} href={`/accounts/${w.accountId}`} className="hover:text-accent hover:underline">{w.message}</Link> : w.message}
            </p>
            <p className="text-muted"><span className="font-semibold">Fix: </span>{w.fix}</p>
          </div>
        </li>
      ))}
    </ul>
    </>
  );
}
