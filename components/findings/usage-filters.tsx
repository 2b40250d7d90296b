"use client";
// The explorer's image-usage and cloud filters (issue 15), inside "More filters". Named after
// their URL parameters; the selects apply at once like the others.
import type { FindingsFilter } from "@/lib/queries/findings/findings-filter";
import { providerLabel } from "@/lib/queries/posture/provider-rows";
import { Field, inputClass } from "./filter-fields";

const providers = ["AWS", "AZURE"];

export function UsageFilters({ filter }: { filter: FindingsFilter }) {
  return (
    <>
      <Field label="Container images" hint="Unknown usage counts as in use">
        <select name="inUse" defaultValue={filter.inUse ?? ""} className={inputClass} data-testid="in-use-select">
          <option value="">In use only</option>
          <option value="all">All images</option>
          <option value="idle">Not in use</option>
        </select>
      </Field>
      <Field label="Not pulled for (days)" hint="ECR images; includes idle never-pulled">
        <input name="notPulledDays" type="number" min={1} step={1} defaultValue={filter.notPulledDays} placeholder="e.g. 90" className={`${inputClass} tabular-nums`} />
      </Field>
      <Field label="Cloud">
        <select name="provider" defaultValue={filter.provider[0] ?? ""} className={inputClass}>
          <option value="">Any</option>
          {[...new Set([...providers, ...filter.provider])].map((p) => <option key={p} value={p}>{providerLabel(p)}</option>)}
        </select>
      </Field>
      <Field label="Cloud account" hint="e.g. an Azure subscription id">
        <input name="providerAccount" defaultValue={filter.providerAccount} className={`${inputClass} font-mono`} />
      </Field>
    </>
  );
}
