import { fetchCodeSnippet } from "@/lib/aws/code-snippet";

/** The finding's source lines, asked of Inspector now (BatchGetCodeSnippet); a failure says why. */
export async function CodeSnippetLoader({ arn, region, startLine, endLine }: { arn: string; region: string; startLine?: number; endLine?: number }) {
  const s = await fetchCodeSnippet(arn, region);
  if (s.kind === "error") {
    return (
      <p className="text-sm" data-testid="code-snippet-error">
        <span className="font-semibold">Inspector gave no code snippet: </span>
        <span className="font-mono text-xs">{s.code}</span> — {s.message}
      </p>
    );
  }
  if (!s.lines.length) return <p className="text-sm text-muted">Inspector returned an empty snippet for this finding.</p>;
  const flagged = (n: number) => startLine !== undefined && n >= startLine && n <= (endLine ?? startLine);
  return (
    <div className="space-y-3">
      <pre className="overflow-x-auto rounded-md bg-canvas py-2 text-xs leading-5" data-testid="code-snippet" aria-label="Code snippet">
        {s.lines.map((l) => (
          <div key={l.lineNumber} className={`flex ${flagged(l.lineNumber) ? "bg-amber-100" : ""}`} data-flagged={flagged(l.lineNumber) || undefined}>
            <span className="w-12 shrink-0 select-none pr-3 text-right text-muted">{l.lineNumber}</span>
            <code className="whitespace-pre pr-3">{l.content}</code>
          </div>
        ))}
      </pre>
      {s.fixes.map((f, i) => (
        <div key={i} className="text-sm">
          <p className="font-semibold">Suggested fix{f.description ? `: ${f.description}` : ""}</p>
          {f.code && <pre className="mt-1 overflow-x-auto rounded-md bg-canvas p-2 text-xs">{f.code}</pre>}
        </div>
      ))}
    </div>
  );
}
