"use client";
// Every explorer filter as a form whose field names are the URL parameters. Chips and selects
// apply at once; text fields on Enter or Apply. The form is re-keyed by the URL, so back/forward
// and links always show what the list shows.
import { useRef } from "react";
import { severityColor, severityLabel, severityOrder } from "@/lib/domain/severity";
import { lifecycleStatusLabel, lifecycleStatuses } from "@/lib/domain/lifecycle";
import { findingTypeLabel, findingTypes, resourceTypeLabel, resourceTypes } from "@/lib/domain/finding-enums";
import type { FindingsFilter } from "@/lib/queries/findings/findings-filter";
import type { FilterOptions } from "@/lib/queries/accounts/account-options";
import { Chip, Field, Select, inputClass } from "./filter-fields";
import { MoreFilters } from "./more-filters";
import { AccountPicker } from "./account-picker";
import { kevFilterLabel, kevFilterValues } from "@/lib/domain/kev";
import { alertRefText } from "@/lib/queries/findings/alert-ref";

/** Fields typed as comma-separated lists in one input. */
const commaFields = new Set(["account", "tag", "owner", "ou"]);

export function formToQuery(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [key, raw] of new FormData(form)) {
    const value = String(raw).trim();
    if (!value) continue;
    for (const v of commaFields.has(key) ? value.split(",").map((s) => s.trim()).filter(Boolean) : [value]) params.append(key, v);
  }
  return params.toString();
}

export function FilterBar({ filter, options, onApply }: { filter: FindingsFilter; options: FilterOptions; onApply: (qs: string) => void }) {
  const form = useRef<HTMLFormElement>(null);
  const apply = () => form.current && onApply(formToQuery(form.current));
  const tags = filter.tag.map((t) => (t.value === undefined ? t.key : `${t.key}:${t.value}`)).join(", ");
  return (
    <form
      ref={form}
      role="search"
      aria-label="Filter findings"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      onChange={(e) => {
        const el = e.target as unknown as HTMLInputElement;
        if (el.type === "checkbox" || el.tagName === "SELECT") apply();
      }}
      className="rounded-lg border border-line bg-panel p-4 shadow-sm"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6">
        <Field label="Resource id or name">
          <input name="resource" defaultValue={filter.resource} placeholder="i-0abc…, web-1, repo" className={inputClass} />
        </Field>
        <Field label="CVE">
          <input name="cve" defaultValue={filter.cve} placeholder="CVE-2024-6119, GHSA-…, network:TCP:22-22" className={`${inputClass} font-mono`} />
        </Field>
        <Field label="Package">
          <input name="package" defaultValue={filter.package} placeholder="openssl" className={inputClass} />
        </Field>
        <AccountPicker label="Accounts" name="account" defaultValue={filter.account.join(", ")} />
        <Select label="Finding type" name="type" value={filter.type[0]} options={findingTypes.map((t) => [t, findingTypeLabel[t]])} />
        <Select label="Resource type" name="resourceType" value={filter.resourceType[0]} options={resourceTypes.map((t) => [t, resourceTypeLabel[t]])} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-2">
        <fieldset className="flex flex-wrap items-center gap-1">
          <legend className="sr-only">Severity</legend>
          <span className="mr-1 text-xs font-semibold uppercase tracking-wide text-muted" aria-hidden>Severity</span>
          {severityOrder.map((s) => (
            <Chip key={s} name="severity" value={s} checked={filter.severity.includes(s)} swatch={severityColor[s].fill}>{severityLabel[s]}</Chip>
          ))}
        </fieldset>
        <fieldset className="flex flex-wrap items-center gap-1">
          <legend className="sr-only">Status</legend>
          <span className="mr-1 text-xs font-semibold uppercase tracking-wide text-muted" aria-hidden>Status</span>
          {lifecycleStatuses.map((s) => (
            <Chip key={s} name="status" value={s} checked={filter.status.includes(s)}>{lifecycleStatusLabel[s]}</Chip>
          ))}
        </fieldset>
        {options.regions.length > 1 && (
          <fieldset className="flex flex-wrap items-center gap-1">
            <legend className="sr-only">Region</legend>
            <span className="mr-1 text-xs font-semibold uppercase tracking-wide text-muted" aria-hidden>Region</span>
            {options.regions.map((r) => (
              <Chip key={r} name="region" value={r} checked={filter.region.includes(r)}>{r}</Chip>
            ))}
          </fieldset>
        )}
        <Select inline label="Exploit" name="exploit" value={filter.exploit} options={[["YES", "Available"], ["NO", "None known"], ["NA", "Not applicable"]]} />
        <Select inline label="CISA KEV" name="kev" value={filter.kev} options={kevFilterValues.map((v) => [v, kevFilterLabel[v]])} />
        <Select inline label="Fix" name="fix" value={filter.fix} options={[["YES", "Available"], ["PARTIAL", "Partial"], ["NO", "None"]]} />
        <div className="ml-auto flex items-center gap-2">
          <button type="button" onClick={() => onApply("")} className="rounded-md px-2 py-1.5 text-sm font-semibold text-muted hover:text-ink">Reset</button>
          <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800">Apply</button>
        </div>
      </div>
      <MoreFilters filter={filter} options={options} tags={tags} />
      {/* Sort, grouping, page size and an alert's findings (no field of their own) ride along so Apply keeps them. */}
      <input type="hidden" name="sort" value={filter.sort} />
      {filter.alert && <input type="hidden" name="alert" value={alertRefText(filter.alert)} />}
      {filter.group && <input type="hidden" name="group" value={filter.group} />}
      {filter.limit !== 50 && <input type="hidden" name="limit" value={filter.limit} />}
    </form>
  );
}
