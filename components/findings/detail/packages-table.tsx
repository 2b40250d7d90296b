import type { PackageView } from "@/lib/queries/findings/finding-raw-mapper";
import { ScrollArea } from "@/components/ui/scroll-area";

/** Vulnerable packages: installed against fixed-in version, and the command that fixes it. */
export function PackagesTable({ packages }: { packages: PackageView[] }) {
  return (
    <div className="space-y-3" data-testid="packages">
      <ScrollArea label="Vulnerable packages">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
            <th className="py-1.5 pr-3 font-semibold">Package</th>
            <th className="py-1.5 pr-3 font-semibold">Installed</th>
            <th className="py-1.5 pr-3 font-semibold">Fixed in</th>
            <th className="py-1.5 pr-3 font-semibold">Manager</th>
            <th className="py-1.5 font-semibold">Location</th>
          </tr>
        </thead>
        <tbody>
          {packages.map((p, i) => (
            <tr key={`${p.name}-${i}`} className="border-b border-line/60 align-top last:border-0">
              <td className="py-1.5 pr-3 font-mono font-semibold">{p.name}</td>
              <td className="py-1.5 pr-3 font-mono" data-testid="installed-version">{p.installed}{p.arch && <span className="ml-1 text-xs text-muted">{p.arch}</span>}</td>
              <td className="py-1.5 pr-3 font-mono" data-testid="fixed-version">
                {p.fixedIn ?? <span className="rounded bg-amber-50 px-1.5 py-0.5 font-sans text-xs font-semibold text-amber-900 ring-1 ring-amber-600/30">no fix yet</span>}
              </td>
              <td className="py-1.5 pr-3 text-xs">{p.packageManager ?? "—"}</td>
              <td className="max-w-[22rem] break-all py-1.5 font-mono text-xs text-muted">{p.filePath ?? p.sourceLambdaLayerArn ?? p.sourceLayerHash ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollArea>
      {[...new Set(packages.map((p) => p.remediation).filter(Boolean))].map((cmd) => (
        <div key={cmd}>
          <div className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">Remediation</div>
          <pre className="overflow-x-auto whitespace-pre-wrap wrap-anywhere rounded-md bg-ink px-3 py-2 font-mono text-xs text-slate-100">{cmd}</pre>
        </div>
      ))}
    </div>
  );
}
