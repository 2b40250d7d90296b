import { saveMappingAction } from "@/lib/actions/access-mappings";
import { roles } from "@/lib/auth/actor";

const input = "rounded-md border border-field bg-white px-2 py-1.5 text-sm";

/** Add a group, or change one (the same group name overrides the environment's mapping). */
export function GroupMappingForm() {
  return (
    <form action={saveMappingAction} data-testid="mapping-form" className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">Group (as the identity provider names it)<input name="group" required className={input} placeholder="prod-engineers" /></label>
      <label className="flex flex-col gap-1">Role
        <select name="role" defaultValue="viewer" className={input}>{roles.map((r) => <option key={r} value={r}>{r}</option>)}</select>
      </label>
      <label className="flex flex-col gap-1">Scope
        <select name="scopeKind" defaultValue="ous" className={input}>
          <option value="all">whole organization</option>
          <option value="ous">OUs (name or id)</option>
          <option value="owners">owners / teams</option>
          <option value="accounts">account ids</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">Values, comma-separated<input name="scopeValues" className={`${input} w-72`} placeholder="Production, Staging" /></label>
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-semibold text-white hover:bg-blue-800">Save mapping</button>
    </form>
  );
}
