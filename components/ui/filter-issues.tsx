import type { FieldIssue } from "@/lib/queries/findings/findings-filter";

/** Names each URL field that was ignored and why; the rest of the filter still applies. */
export function FilterIssues({ issues }: { issues: FieldIssue[] }) {
  if (!issues.length) return null;
  return (
    <div role="alert" data-testid="filter-issues" className="mb-4 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 [overflow-wrap:anywhere]">
      <p className="font-semibold">Some filters in the link were not understood and are ignored; the others still apply:</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((i) => (
          <li key={i.field}>
            <code className="font-mono font-semibold">{i.field}</code>: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
