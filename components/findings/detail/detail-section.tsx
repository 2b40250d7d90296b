// A titled block of the finding detail page.
export function DetailSection({ title, children, id, className = "" }: { title: string; children: React.ReactNode; id?: string; className?: string }) {
  return (
    <section id={id} aria-labelledby={id ? `${id}-title` : undefined} className={`min-w-0 rounded-lg border border-line bg-panel p-4 shadow-sm sm:p-5 ${className}`}>
      <h2 id={id ? `${id}-title` : undefined} className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">{title}</h2>
      {children}
    </section>
  );
}

// Values get at least 60% of the width and labels wrap: a long label ("Exploitable since (…)")
// must not squeeze its value into one character per line in the narrow side column.
export function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(60%,1fr)] gap-x-4 gap-y-1.5 text-sm">
      {items.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted">{k}</dt>
          <dd className="min-w-0 wrap-anywhere">{v ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
