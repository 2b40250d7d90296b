"use client";
// The filter in words, one removable chip per value, so a pasted link explains itself.
import { severityLabel, type Severity } from "@/lib/domain/severity";
import type { FindingsFilter } from "@/lib/queries/findings/findings-filter";
import { findingsSearchParams } from "@/lib/queries/findings/findings-href";
import { inUseLabel, type InUseMode } from "@/lib/domain/in-use";

const labels: Record<string, string> = {
  account: "Account", region: "Region", severity: "Severity", status: "Status", type: "Type", resourceType: "Resource type", resource: "Resource",
  cve: "CVE", package: "Package", fix: "Fix", exploit: "Exploit", kev: "CISA KEV", epssMin: "EPSS ≥", epssMax: "EPSS ≤", scoreMin: "Score ≥", scoreMax: "Score ≤",
  ageMin: "Age ≥ (d)", ageMax: "Age ≤ (d)", tag: "Tag", owner: "Owner", ou: "OU", firstSeenFrom: "First seen ≥", firstSeenTo: "First seen ≤",
  closedFrom: "Closed ≥", closedTo: "Closed ≤", closure: "Closure", reopenedFrom: "Reopened ≥", exploitableFrom: "Exploitable ≥", ami: "AMI", image: "Image",
  inUse: "Images", notPulledDays: "Not pulled ≥ (d)", provider: "Cloud", providerAccount: "Cloud account",
};
const valueLabel = (k: string, v: string) => (k === "severity" ? severityLabel[v as Severity] : k === "inUse" ? inUseLabel[v as InUseMode] ?? v : v);
const hidden = new Set(["sort", "group", "cursor", "limit"]);

export function ActiveFilters({ filter, onApply }: { filter: FindingsFilter; onApply: (qs: string) => void }) {
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
          <span className="font-semibold">{labels[k] ?? k}:</span>
          <span className="max-w-[16rem] truncate">{valueLabel(k, v)}</span>
          <button type="button" onClick={() => remove(k, v)} aria-label={`Remove filter ${labels[k] ?? k} ${v}`} className="rounded-full px-1 hover:bg-blue-200">×</button>
        </span>
      ))}
    </div>
  );
}
