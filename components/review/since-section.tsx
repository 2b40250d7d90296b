// "Since the last review": six groups of changes, each count and item linking into the explorer.
import Link from "next/link";
import { formatCount } from "@/components/ui/format";
import type { ChangeGroup } from "@/lib/queries/review/review-types";

export interface SinceGroupView {
  key: string;
  label: string;
  group: ChangeGroup;
  /** null: no sync observed the window, the changes are unknown ("—"). */
  count: number | null;
  extra?: string;
  linkLabel: string;
}

export function SinceSection({ groups, unobserved }: { groups: SinceGroupView[]; unobserved?: string | null }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
      {groups.map(({ key, label, group, count, extra, linkLabel }) => count === null ? (
        <section key={key} data-testid={`since-${key}`} className="flex min-w-0 flex-col rounded-lg border border-line bg-panel p-4 shadow-sm print:break-inside-avoid">
          <div className="flex items-baseline justify-between gap-2">
            <h3 className="text-sm font-semibold">{label}</h3>
            <span className="text-2xl font-semibold text-muted" data-testid={`since-${key}-count`}><span aria-hidden>—</span><span className="sr-only">unknown</span></span>
          </div>
          <p className="mt-2 text-sm text-muted">Unknown: {unobserved ?? "no sync finished between the meetings"}.</p>
        </section>
      ) : (
        <section key={key} data-testid={`since-${key}`} className="flex min-w-0 flex-col rounded-lg border border-line bg-panel p-4 shadow-sm print:break-inside-avoid">
          <div className="flex items-baseline justify-between gap-2">
            <h3 className="text-sm font-semibold">{label}</h3>
            <Link href={group.href} className="text-2xl font-semibold tabular-nums text-accent hover:underline" data-testid={`since-${key}-count`} aria-label={`${label}: ${group.count}, ${linkLabel}`}>
              {formatCount(group.count)}
            </Link>
          </div>
          {extra && <p className="text-xs text-muted">{extra}</p>}
          {group.items.length ? (
            <ul className="mt-2 space-y-1.5 text-sm">
              {group.items.map((i) => (
                <li key={i.key} className="min-w-0">
                  <Link prefetch={false} href={i.href} className="block truncate text-ink hover:text-accent hover:underline" title={i.label}>{i.label}</Link>
                  <span className="block truncate text-xs text-muted" title={i.detail}>{i.detail}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted">None.</p>
          )}
          {group.count > group.items.length && (
            <Link href={group.href} className="mt-auto pt-2 text-xs text-accent hover:underline" data-no-print>
              {linkLabel} ({formatCount(group.count)}) →
            </Link>
          )}
        </section>
      ))}
    </div>
  );
}
