// The role and account-scope fields a group mapping and an API token share (same names, so one
// parser, lib/auth's scope form, reads both).
import { roles } from "@/lib/auth/actor";

export const adminInput = "rounded-md border border-field bg-white px-2 py-1.5 text-sm";

export function RoleScopeFields({ scopeKind, valuesPlaceholder, valuesWidth }: { scopeKind: "all" | "ous"; valuesPlaceholder: string; valuesWidth: string }) {
  return (
    <>
      <label className="flex flex-col gap-1">Role
        <select name="role" defaultValue="viewer" className={adminInput}>{roles.map((r) => <option key={r} value={r}>{r}</option>)}</select>
      </label>
      <label className="flex flex-col gap-1">Scope
        <select name="scopeKind" defaultValue={scopeKind} className={adminInput}>
          <option value="all">whole organization</option>
          <option value="ous">OUs (name or id)</option>
          <option value="owners">owners / teams</option>
          <option value="accounts">account ids</option>
        </select>
      </label>
      <label className="flex max-w-full flex-col gap-1">Values, comma-separated<input name="scopeValues" className={`${adminInput} ${valuesWidth} max-w-full`} placeholder={valuesPlaceholder} /></label>
    </>
  );
}
