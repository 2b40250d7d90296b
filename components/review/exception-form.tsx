"use client";
// Records a risk exception: a finding by ARN, or a vulnerability on a set of resources (none
// listed = every resource it hits), with reason, owner and expiry day (valid through that day, UTC).
import { useEffect, useState } from "react";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createExceptionAction, type ExceptionFormState } from "@/lib/actions/risk-exceptions";

const initial: ExceptionFormState = { ok: false, message: null, issues: [], savedId: null };
const input = "w-full rounded border border-field bg-white px-2.5 py-1.5 text-sm focus:border-accent";

function Field({ label, name, issues, hint, children }: { label: string; name: string; issues: ExceptionFormState["issues"]; hint?: string; children: React.ReactNode }) {
  const issue = issues.find((i) => i.field === name);
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      {children}
      {hint && !issue && <span className="mt-0.5 block text-xs text-muted">{hint}</span>}
      {issue && <span role="alert" className="mt-0.5 block text-xs font-medium text-[#b2182b]" data-testid={`error-${name}`}>{issue.message}</span>}
    </label>
  );
}

export function ExceptionForm({ prefillArn, today, defaultExpiry }: { prefillArn?: string; today: string; defaultExpiry: string }) {
  const { state, pending, form } = useKeptForm(createExceptionAction, initial, (s) => s.ok);
  const [target, setTarget] = useState<"finding" | "vulnerability">(prefillArn ? "finding" : "vulnerability");
  // "Add exception" on another SLA row changes the prefill while this form (and its message) stays.
  const [seenArn, setSeenArn] = useState(prefillArn);
  if (prefillArn !== seenArn) {
    setSeenArn(prefillArn);
    if (prefillArn) setTarget("finding");
  }
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  // Once saved, drop the prefilled finding from the URL so the form does not offer it again.
  useEffect(() => {
    if (!state.savedId || !search.has("except")) return;
    const next = new URLSearchParams(search);
    next.delete("except");
    router.replace(next.size ? `${pathname}?${next}` : pathname, { scroll: false });
  }, [state.savedId, search, pathname, router]);
  return (
    <form {...form} className="space-y-3" data-testid="exception-form" aria-label="New risk exception">
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 font-medium">Applies to</legend>
        {(["finding", "vulnerability"] as const).map((t) => (
          <label key={t} className="inline-flex items-center gap-1.5">
            <input type="radio" name="target" value={t} checked={target === t} onChange={() => setTarget(t)} />
            {t === "finding" ? "One finding" : "A vulnerability (CVE) on resources"}
          </label>
        ))}
      </fieldset>
      {target === "finding" ? (
        <Field label="Finding ARN" name="findingArn" issues={state.issues}>
          <input key={prefillArn ?? ""} name="findingArn" defaultValue={prefillArn} className={`${input} font-mono text-xs`} required />
        </Field>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Vulnerability id" name="vulnerabilityId" issues={state.issues}>
            <input name="vulnerabilityId" placeholder="CVE-2024-12345, GHSA-…, code:…, network:TCP:22-22" className={input} required />
          </Field>
          <Field label="Resources" name="resourceIds" issues={state.issues} hint="One per line; leave empty for every resource it hits">
            <textarea name="resourceIds" rows={2} className={`${input} font-mono text-xs`} />
          </Field>
        </div>
      )}
      <Field label="Reason" name="reason" issues={state.issues} hint="Why it cannot be fixed now, and what mitigates it">
        <textarea name="reason" rows={2} className={input} required minLength={10} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Owner" name="owner" issues={state.issues}>
          <input name="owner" className={input} required />
        </Field>
        <Field label="Expires on (UTC, valid through that day)" name="expiresOn" issues={state.issues}>
          <input type="date" name="expiresOn" min={today} defaultValue={defaultExpiry} className={input} required />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-accent px-3 py-1.5 text-sm font-semibold text-white hover:bg-[#1d479f] disabled:opacity-60">
          {pending ? "Saving…" : "Record exception"}
        </button>
        {state.message && (
          <span role="status" className={`text-sm ${state.ok ? "text-[#00785a]" : "text-[#b2182b]"}`}>{state.message}</span>
        )}
      </div>
    </form>
  );
}
