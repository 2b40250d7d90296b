"use client";
// The less frequent filters behind a disclosure that opens by itself when one of them is set.
import type { FindingsFilter } from "@/lib/queries/findings/findings-filter";
import type { FilterOptions } from "@/lib/queries/accounts/account-options";
import { Field, inputClass } from "./filter-fields";
import { UsageFilters } from "./usage-filters";
import { isInstant } from "@/lib/queries/findings/time-bound";

const rareFields = ["epssMin", "epssMax", "scoreMin", "scoreMax", "ageMin", "ageMax", "firstSeenFrom", "firstSeenTo", "closedFrom", "closedTo", "reopenedFrom", "reopenedTo", "exploitableFrom",
  "becameExploitableFrom", "becameExploitableTo", "ami", "image"] as const;

export function MoreFilters({ filter, options, tags }: { filter: FindingsFilter; options: FilterOptions; tags: string }) {
  const open = rareFields.some((f) => filter[f] !== undefined) || filter.tag.length > 0 || filter.owner.length > 0 || filter.ou.length > 0
    || filter.inUse !== undefined || filter.notPulledDays !== undefined || filter.provider.length > 0 || filter.providerAccount !== undefined;
  const num = (name: (typeof rareFields)[number], label: string, step: string, placeholder: string) => (
    <Field label={label}>
      <input name={name} type="number" step={step} min={0} defaultValue={filter[name] as number | undefined} placeholder={placeholder} className={`${inputClass} tabular-nums`} />
    </Field>
  );
  // A link from the weekly review carries instants: a date picker cannot show one and would drop it
  // on the next Apply, so it stays as text (editable, a day typed there works too).
  const date = (name: (typeof rareFields)[number], label: string) => {
    const value = filter[name] as string | undefined;
    const exact = value !== undefined && isInstant(value);
    return (
      <Field label={label} hint={exact ? "an exact instant, from a review link" : undefined}>
        <input name={name} type={exact ? "text" : "date"} defaultValue={value} className={`${inputClass}${exact ? " font-mono text-xs" : ""}`} />
      </Field>
    );
  };
  return (
    <details open={open} className="group mt-3 border-t border-line pt-3">
      <summary className="cursor-pointer select-none text-xs font-semibold uppercase tracking-wide text-accent">More filters: scores, age, dates, tags, owners, images, image use, cloud</summary>
      <div className="mt-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {num("scoreMin", "Inspector score ≥", "0.1", "0–10")}
        {num("scoreMax", "Inspector score ≤", "0.1", "0–10")}
        {num("epssMin", "EPSS ≥", "0.01", "0–1")}
        {num("epssMax", "EPSS ≤", "0.01", "0–1")}
        {num("ageMin", "Age ≥ (days)", "1", "e.g. 30")}
        {num("ageMax", "Age ≤ (days)", "1", "e.g. 7")}
        {date("firstSeenFrom", "First seen from")}
        {date("firstSeenTo", "First seen to")}
        {date("closedFrom", "Closed from")}
        {date("closedTo", "Closed to")}
        {date("reopenedFrom", "Reopened from")}
        {date("reopenedTo", "Reopened to")}
        {date("becameExploitableFrom", "Became exploitable from")}
        {date("becameExploitableTo", "Became exploitable to")}
        {date("exploitableFrom", "Exploit known since")}
        <Field label="Resource tags" hint="key:value, comma separated">
          <input name="tag" defaultValue={tags} placeholder="env:prod" className={inputClass} />
        </Field>
        <Field label="Owner">
          <input name="owner" list="filter-owners" defaultValue={filter.owner.join(", ")} className={inputClass} />
          <datalist id="filter-owners">{options.owners.map((o) => <option key={o} value={o} />)}</datalist>
        </Field>
        <Field label="OU">
          <input name="ou" list="filter-ous" defaultValue={filter.ou.join(", ")} className={inputClass} />
          <datalist id="filter-ous">{options.ous.map((o) => <option key={o} value={o} />)}</datalist>
        </Field>
        <Field label="AMI">
          <input name="ami" defaultValue={filter.ami} placeholder="ami-0abc…" className={`${inputClass} font-mono`} />
        </Field>
        <Field label="Image" hint="ECR repository or image digest">
          <input name="image" defaultValue={filter.image} placeholder="repo or sha256:…" className={`${inputClass} font-mono`} />
        </Field>
        <UsageFilters filter={filter} />
        <div className="flex items-end">
          <button type="submit" className="w-full rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800">Apply filters</button>
        </div>
      </div>
    </details>
  );
}
