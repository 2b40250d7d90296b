import Link from "next/link";

/** A headline number that links to the list behind it. */
export function Tile({ label, value, href, detail, accent, testId }: { label: string; value: string; href: string; detail?: React.ReactNode; accent?: string; testId?: string }) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className="group block rounded-lg border border-line bg-panel px-4 py-3 shadow-sm transition hover:border-accent hover:shadow"
      style={accent ? { borderTopColor: accent, borderTopWidth: 3 } : undefined}
    >
      <div className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums group-hover:text-accent">{value}</div>
      {detail && <div className="mt-0.5 text-xs text-muted">{detail}</div>}
    </Link>
  );
}
