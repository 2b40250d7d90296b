import type { ScoreView } from "@/lib/queries/findings/finding-raw-mapper";
import { formatEpss, formatScore } from "@/components/ui/format";

/** Inspector score beside the CVSS base score, with why they differ in words. */
export function ScorePanel({ scores }: { scores: ScoreView }) {
  const base = scores.cvss[0]?.baseScore ?? scores.adjusted?.score;
  const diff = scores.inspectorScore !== undefined && base !== undefined ? scores.inspectorScore - base : undefined;
  return (
    <div className="space-y-3 text-sm">
      <div className="grid grid-cols-3 gap-3">
        <Big label="Inspector score" value={formatScore(scores.inspectorScore)} />
        <Big label={`CVSS ${scores.cvss[0]?.version ?? scores.adjusted?.version ?? ""} base`} value={formatScore(base)} sub={scores.cvss[0]?.source} />
        <Big label="EPSS" value={formatEpss(scores.epss)} sub="chance of exploitation in 30 days" testId="score-epss" />
      </div>
      <p className="text-muted">{explain(diff, scores)}</p>
      {scores.adjusted?.adjustments.length ? (
        <ul className="list-disc space-y-0.5 pl-5">
          {scores.adjusted.adjustments.map((a, i) => (
            <li key={i}><span className="font-semibold">{a.metric}</span>: {a.reason}</li>
          ))}
        </ul>
      ) : null}
      {(scores.adjusted?.vector ?? scores.cvss[0]?.vector) && <p className="break-all font-mono text-xs text-muted">{scores.adjusted?.vector ?? scores.cvss[0]?.vector}</p>}
      {scores.vendorSeverity && <p className="text-xs text-muted">Vendor severity: <span className="font-semibold text-ink">{scores.vendorSeverity}</span></p>}
    </div>
  );
}

function explain(diff: number | undefined, scores: ScoreView): string {
  if (scores.inspectorScore === undefined) return "Inspector gave no score for this finding.";
  if (diff === undefined) return "No CVSS base score was published for this vulnerability.";
  if (Math.abs(diff) < 0.05) return scores.adjusted?.adjustments.length ? "Inspector kept the CVSS base score; the adjustments below were considered." : "Inspector kept the CVSS base score: nothing about this resource's environment changed the risk.";
  return diff < 0
    ? `Inspector scores it ${Math.abs(diff).toFixed(1)} below the CVSS base: the environment (network reachability, vendor rating) makes it less exploitable here.`
    : `Inspector scores it ${diff.toFixed(1)} above the CVSS base: this resource's exposure makes it riskier than the generic rating.`;
}

function Big({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div className="rounded-md bg-canvas px-3 py-2">
      <div className="text-[11px] font-semibold uppercase tracking-wide text-muted">{label}</div>
      <div className="text-2xl font-semibold tabular-nums" data-testid={testId}>{value}</div>
      {sub && <div className="text-[11px] text-muted">{sub}</div>}
    </div>
  );
}
