"use client";
// Add a group, or change one (the same group name overrides the environment's mapping). A refused
// mapping comes back as typed, with the reason; a saved one clears the form.
import { saveMappingAction } from "@/lib/actions/access-mappings";
import { NO_FORM_STATE as initial } from "@/lib/actions/form-state";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { RoleScopeFields, adminInput as input } from "./role-scope-fields";


export function GroupMappingForm({ wholeOrg }: { wholeOrg: boolean }) {
  const { state, pending, form } = useKeptForm(saveMappingAction, initial, (s) => s.ok);
  return (
    <form {...form} data-testid="mapping-form" className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">Group (as the identity provider names it)<input name="group" required className={input} placeholder="prod-engineers" /></label>
      <RoleScopeFields scopeKind="ous" wholeOrg={wholeOrg} valuesPlaceholder="Production, Staging" valuesWidth="w-72" />
      <button type="submit" disabled={pending} className="rounded-md bg-accent px-3 py-1.5 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">Save mapping</button>
      {state.message && <p role={state.ok ? "status" : "alert"} className={`w-full text-sm ${state.ok ? "text-emerald-800" : "text-red-800"}`}>{state.message}</p>}
    </form>
  );
}
