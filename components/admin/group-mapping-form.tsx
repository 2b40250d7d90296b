import { saveMappingAction } from "@/lib/actions/access-mappings";
import { RoleScopeFields, adminInput as input } from "./role-scope-fields";


/** Add a group, or change one (the same group name overrides the environment's mapping). */
export function GroupMappingForm({ wholeOrg }: { wholeOrg: boolean }) {
  return (
    <form action={saveMappingAction} data-testid="mapping-form" className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">Group (as the identity provider names it)<input name="group" required className={input} placeholder="prod-engineers" /></label>
      <RoleScopeFields scopeKind="ous" wholeOrg={wholeOrg} valuesPlaceholder="Production, Staging" valuesWidth="w-72" />
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-semibold text-white hover:bg-blue-800">Save mapping</button>
    </form>
  );
}
