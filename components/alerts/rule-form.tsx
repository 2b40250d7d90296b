"use client";
// New alert rule: kind, minimum severity, scope (as access mappings have it), its channels and
// the kind's parameters.
import { useKeptForm } from "@/components/ui/use-kept-form";
import { saveRuleAction } from "@/lib/actions/alert-actions";
import { NO_FORM_STATE as initial } from "@/lib/actions/form-state";
import { ruleKindLabel, ruleKinds } from "@/lib/alerts/rule-config";
import { ScopeKindSelect, adminInput as input } from "@/components/admin/role-scope-fields";


/** `wholeOrg`: the admin may alert on the whole organization (their "alerts" scope is every account). */
export function RuleForm({ channels, wholeOrg }: { channels: { id: number; name: string }[]; wholeOrg: boolean }) {
  const { state, pending, form } = useKeptForm(saveRuleAction, initial, (s) => s.ok);
  return (
    <form {...form} data-testid="rule-form" className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex min-w-0 max-w-full flex-col gap-1">Name<input name="name" required maxLength={100} className={input} placeholder="New criticals" /></label>
      <label className="flex min-w-0 max-w-full flex-col gap-1">When
        <select name="kind" className={input}>{ruleKinds.map((k) => <option key={k} value={k}>{ruleKindLabel[k]}</option>)}</select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col gap-1">Minimum severity
        <select name="minSeverity" defaultValue="HIGH" className={input}>{["CRITICAL", "HIGH", "MEDIUM", "LOW"].map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}</select>
      </label>
      <ScopeKindSelect scopeKind="all" wholeOrg={wholeOrg} className="flex min-w-0 max-w-full flex-col gap-1" />
      <label className="flex min-w-0 max-w-full flex-col gap-1">Values, comma-separated<input name="scopeValues" className={`${input} w-full sm:w-48`} /></label>
      <label className="flex min-w-0 max-w-full flex-col gap-1">N days (SLA due)<input name="days" type="number" min={1} max={365} defaultValue={7} className={`${input} w-20`} /></label>
      <label className="flex min-w-0 max-w-full flex-col gap-1">N runs (sync failing)<input name="runs" type="number" min={1} max={100} defaultValue={3} className={`${input} w-20`} /></label>
      <label className="flex min-w-0 max-w-full flex-col gap-1">Top N per digest<input name="topN" type="number" min={1} max={40} defaultValue={10} className={`${input} w-20`} /></label>
      <fieldset className="flex flex-wrap gap-2"><legend className="mb-1">Channels</legend>
        {channels.map((c) => <label key={c.id} className="flex items-center gap-1"><input type="checkbox" name="channelIds" value={c.id} />{c.name}</label>)}
        {channels.length === 0 && <span className="text-muted">Save a channel first.</span>}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded-md bg-accent px-3 py-1.5 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">Save rule</button>
      {state.message && <p role={state.ok ? "status" : "alert"} className={`w-full text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>{state.message}</p>}
    </form>
  );
}
