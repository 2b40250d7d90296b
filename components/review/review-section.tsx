// A top-level section of the review: an anchor for links and a page break before it in print.
export function ReviewSection({ id, title, subtitle, children, pageBreak = true }: { id: string; title: string; subtitle?: React.ReactNode; children: React.ReactNode; pageBreak?: boolean }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={`mt-10 scroll-mt-6 ${pageBreak ? "print:mt-0 print:break-before-page" : "print:mt-6"}`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2 border-b border-line pb-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight">{title}</h2>
        {subtitle && <p className="text-sm text-muted">{subtitle}</p>}
      </div>
      {children}
    </section>
  );
}

export function SectionSkeleton({ rows = 2, height = 240 }: { rows?: number; height?: number }) {
  return (
    <div aria-busy className="grid gap-4 lg:grid-cols-2">
      {Array.from({ length: rows * 2 }, (_, i) => (
        <div key={i} aria-hidden className="animate-pulse rounded-lg border border-line bg-panel" style={{ height }} />
      ))}
    </div>
  );
}
