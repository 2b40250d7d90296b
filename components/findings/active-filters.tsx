"use client";
// The filter in words, one removable chip per value, so a pasted link explains itself.
import { severityLabel, type Severity } from "@/lib/domain/severity";
import type { FindingsFilter } from "@/lib/queries/findings/findings-filter";
import { findingsSearchParams } from "@/lib/queries/findings/findings-href";
import { inUseLabel, type InUseMode } from "@/lib/domain/in-use";
import { instantLabel, isInstant } from "@/lib/queries/findings/time-bound";
import { alertRefLabel, type AlertRuleName } from "@/lib/queries/findings/alert-ref";

const labels: Record<string, string> = {
  account: "Account", region: "Region", severity: "Severity", status: "Status", type: "Type", resourceType: "Resource type", resource: "Resource",
  cve: "CVE", package: "Package", fix: "Fix", exploit: "Exploit", kev: "CISA KEV", epssMin: "EPSS ≥", epssMax: "EPSS ≤", scoreMin: "Score ≥", scoreMax: "Score ≤",
  ageMin: "Age ≥ (d)", ageMax: "Age ≤ (d)", tag: "Tag", owner: "Owner", ou: "OU", closure: "Closure", ami: "AMI", image: "Image",
  inUse: "Images", notPulledDays: "Not pulled ≥ (d)", provider: "Cloud", providerAccount: "Cloud account",
  alert: "Alerted by",
};
/** Date bounds say what a day or an instant means there (time-bound.ts): a day is "≥"/"≤", an instant "after"/"until". */
const bounds: Record<string, string> = {
  firstSeenFrom: "First seen", firstSeenTo: "First seen", closedFrom: "Closed", closedTo: "Closed", reopenedFrom: "Reopened", reopenedTo: "Reopened",
  exploitableFrom: "Exploit known", becameExploitableFrom: "Became exploitable", becameExploitableTo: "Became exploitable",
};
function chipLabel(k: string, v: string): string {
  if (!(k in bounds)) return labels[k] ?? k;
  const from = k.endsWith("From");
  return `${bounds[k]} ${isInstant(v) ? (from ? "after" : "until") : from ? "≥" : "≤"}`;
}
const valueLabel = (k: string, v: string, alertRule: AlertRuleName | null) =>
  k === "severity" ? severityLabel[v as Severity] : k === "inUse" ? inUseLabel[v as InUseMode] ?? v : k === "alert" ? alertRefLabel(v, alertRule) : k in bounds && isInstant(v) ? instantLabel(v) : v;
const hidden = new Set(["sort", "group", "cursor", "limit"]);

/** `alertRule`: the alert filter's rule name, as the page looked it up (alert-rule-name.ts). */
export function ActiveFilters({ filter, onApply, alertRule = null }: { filter: FindingsFilter; onApply: (qs: string) => void; alertRule?: AlertRuleName | null }) {
  const params = findingsSearchParams({ ...filter, cursor: undefined });
  const chips = [...params.entries()].filter(([k]) => !hidden.has(k));
  const statusDefault = !params.has("status");
  const remove = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.delete(key, value);
    onApply(next.toString());
  };
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs" aria-label="Active filters">
      {statusDefault && <span className="rounded-full bg-canvas px-2 py-0.5 text-muted ring-1 ring-line">Status: Open</span>}
      {!params.has("inUse") && <span className="rounded-full bg-canvas px-2 py-0.5 text-muted ring-1 ring-line">Images: in use only</span>}
      {chips.map(([k, v]) => (
        <span key={`${k}=${v}`} className="inline-flex items-center gap-1 rounded-full bg-blue-50 py-0.5 pl-2 pr-1 text-blue-900 ring-1 ring-blue-200">
          <span className="font-semibold">{chipLabel(k, v)}:</span>
          <span className="max-w-[16rem] truncate" title={valueLabel(k, v, alertRule)}>{valueLabel(k, v, alertRule)}</span>
          <button type="button" onClick={() => remove(k, v)} aria-label={`Remove filter ${chipLabel(k, v)} ${v}`} className="rounded-full px-1 hover:bg-blue-200">×</button>
        </span>
      ))}
    </div>
  );
}
