// Recorded gate decisions: verdict, artifact, policy version, and (opened) the findings that
// failed it with their rules and the findings risk exceptions passed.
import { SeverityBadge } from "@/components/ui/severity-badge";
import { formatDateTime } from "@/components/ui/format";
import type { DecisionRow } from "@/lib/queries/gate/decisions";

const verdictStyle = { pass: "bg-emerald-100 text-emerald-900", fail: "bg-red-100 text-red-900", undecidable: "bg-amber-100 text-amber-900" } as const;

export function VerdictPill({ verdict }: { verdict: DecisionRow["verdict"] }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold uppercase ${verdictStyle[verdict]}`}>{verdict}</span>;
}

export function DecisionsTable({ rows }: { rows: DecisionRow[] }) {
  return (
    <ul className="divide-y divide-line" data-testid="gate-decisions">
      {rows.map((d) => (
        <li key={d.id} data-decision={d.id} data-verdict={d.verdict}>
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center gap-3 py-2 text-sm">
              <VerdictPill verdict={d.verdict} />
              <span className="font-mono">{d.artifactLabel}</span>
              <span className="text-muted">policy {d.policyName} v{d.policyVersion} · {d.source} · {d.findingsCount} findings · {d.actorName}</span>
              <span className="ml-auto text-muted">#{d.id} · {formatDateTime(d.at)}</span>
            </summary>
            <DecisionDetail d={d} />
          </details>
        </li>
      ))}
    </ul>
  );
}

function DecisionDetail({ d }: { d: DecisionRow }) {
  const r = d.result;
  return (
    <div className="space-y-2 pb-3 pl-4 text-sm">
      {r.undecidable.map((u) => <p key={u.code} className="text-amber-900">Undecidable: {u.message}</p>)}
      {r.failing.length > 0 && <p className="font-semibold">Failed by</p>}
      {r.failing.map((f) => (
        <p key={f.arn} className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={f.severity} compact /> {f.vulnerabilityId ?? f.title} {f.packageNames.join(", ")}
          <span className="text-muted">broke {f.rules.join(", ")}</span>
        </p>
      ))}
      {r.excepted.length > 0 && <p className="font-semibold">Shipped with, under risk exceptions</p>}
      {r.excepted.map((e) => (
        <p key={e.arn} className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={e.severity} compact /> {e.vulnerabilityId ?? e.title} {e.packageNames.join(", ")}
          <span className="text-muted">exception {String(e.exceptionId).slice(0, 8)} ({e.owner}: {e.reason}; until {e.expiresAt.slice(0, 10)})</span>
        </p>
      ))}
      {r.appliedOverrides.length > 0 && <p className="text-muted">Overrides: {r.appliedOverrides.join(", ")}</p>}
      {d.verdict !== "undecidable" && <p className="text-muted">{r.openFindings} open findings judged{d.durationMs !== null ? ` in ${d.durationMs} ms` : ""}.</p>}
    </div>
  );
}
