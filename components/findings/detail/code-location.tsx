import type { mapCode } from "@/lib/queries/findings/finding-raw-mapper";

/** Where in the function's code the weakness is, and which CWEs it maps to. */
export function CodeLocation({ code }: { code: NonNullable<ReturnType<typeof mapCode>> }) {
  const lines = code.startLine === undefined ? "" : code.endLine && code.endLine !== code.startLine ? `lines ${code.startLine}–${code.endLine}` : `line ${code.startLine}`;
  return (
    <div className="space-y-2 text-sm">
      <p>
        <span className="font-mono font-semibold">{code.filePath ?? code.fileName ?? "?"}</span>
        {lines && <span className="ml-2 text-muted">{lines}</span>}
      </p>
      <p>
        Detector <span className="font-semibold">{code.detectorName ?? "?"}</span>
        {code.detectorId && <span className="ml-1 font-mono text-xs text-muted">({code.detectorId})</span>}
      </p>
      <p className="flex flex-wrap gap-1.5">
        {code.cwes.map((cwe) => (
          <a key={cwe} href={`https://cwe.mitre.org/data/definitions/${cwe.replace(/\D/g, "")}.html`} target="_blank" rel="noreferrer" className="rounded bg-canvas px-1.5 py-0.5 font-mono text-xs ring-1 ring-line hover:ring-accent">
            {cwe}
          </a>
        ))}
        {code.detectorTags.map((t) => <span key={t} className="rounded bg-canvas px-1.5 py-0.5 text-xs text-muted">{t}</span>)}
      </p>
    </div>
  );
}
