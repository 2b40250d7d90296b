"use client";
// Narrows the trends and SLA to an OU, an owner or an account; the choice lives in the URL.
import { useRouter } from "next/navigation";
import { reviewHref, type ReviewParams } from "@/lib/review/review-params";
import { AccountPicker } from "@/components/findings/account-picker";

/** OUs and owners are few; accounts are searched as one types (the page does not carry them all). */
export interface GroupChoices {
  ous: string[];
  owners: string[];
  /** The first account by name, where "By account" starts; null when the scope has none. */
  firstAccount: string | null;
  /** "Whole organization", or "Your N accounts" for a viewer scoped to some of it. */
  everyLabel: string;
}

export function GroupPicker({ params, choices }: { params: Pick<ReviewParams, "date" | "group" | "value" | "weeks" | "inUse">; choices: GroupChoices }) {
  const router = useRouter();
  const go = (group: ReviewParams["group"], value?: string) => router.push(reviewHref({ ...params, group, value }));
  const options = (params.group === "ou" ? choices.ous : choices.owners).map((o) => ({ value: o, label: o }));
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <span className="font-medium">View</span>
        <select
          aria-label="Group"
          value={params.group}
          onChange={(e) => {
            const g = e.target.value as ReviewParams["group"];
            const first = g === "ou" ? choices.ous[0] : g === "owner" ? choices.owners[0] : choices.firstAccount ?? undefined;
            go(g, g === "org" ? undefined : first);
          }}
          className="rounded border border-field bg-white px-2 py-1"
        >
          <option value="org">{choices.everyLabel}</option>
          <option value="ou" disabled={!choices.ous.length}>By OU</option>
          <option value="owner" disabled={!choices.owners.length}>By owner</option>
          <option value="account" disabled={!choices.firstAccount}>By account</option>
        </select>
      </label>
      {params.group === "account" && (
        <AccountPicker key={params.value} label="Which account" hideLabel className="w-72 max-w-full" defaultValue={params.value ?? ""} onChoose={(a) => go("account", a.id)} />
      )}
      {(params.group === "ou" || params.group === "owner") && (
        <select aria-label={`Which ${params.group}`} value={params.value ?? ""} onChange={(e) => go(params.group, e.target.value)} className="max-w-[18rem] rounded border border-field bg-white px-2 py-1">
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      )}
    </div>
  );
}
