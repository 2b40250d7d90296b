import Link from "next/link";

export function EmptyState({ title = "No data yet — run a sync", children }: { title?: string; children?: React.ReactNode }) {
  return (
    <div role="status" className="rounded-lg border border-dashed border-line bg-panel px-6 py-12 text-center">
      <p className="text-base font-semibold">{title}</p>
      <div className="mt-2 text-sm text-muted">
        {children ?? (
          <>
            Inspectorate shows its cache of Amazon Inspector. Start one from the{" "}
            <Link className="text-accent underline" href="/sync">
              Sync page
            </Link>{" "}
            or run <code className="font-mono">npm run sync</code>.
          </>
        )}
      </div>
    </div>
  );
}
