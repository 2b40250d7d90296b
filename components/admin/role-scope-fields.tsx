// The role and account-scope fields a group mapping and an API token share, and the scope select an
// alert rule shares with them (same names, so one parser, lib/auth's scope form, reads all three).
// An admin of some accounts is not offered "whole organization": saving it would be refused.
import { roles } from "@/lib/auth/actor";

export const adminInput = "rounded-md border border-field bg-white px-2 py-1.5 text-sm";

export function ScopeKindSelect({ scopeKind, wholeOrg, className = "flex flex-col gap-1" }: { scopeKind: "all" | "ous"; wholeOrg: boolean; className?: string }) {
  return (
    <label className={className}>Scope
      <select name="scopeKind" defaultValue={wholeOrg ? scopeKind : "ous"} className={adminInput}>
        {wholeOrg && <option value="all">whole organization</option>}
        <option value="ous">OUs (name or id)</option>
        <option value="owners">owners / teams</option>
        <option value="accounts">account ids</option>
      </select>
    </label>
  );
}

export function RoleScopeFields({ scopeKind, wholeOrg, valuesPlaceholder, valuesWidth }: { scopeKind: "all" | "ous"; wholeOrg: boolean; valuesPlaceholder: string; valuesWidth: string }) {
  return (
    <>
      <label className="flex flex-col gap-1">Role
        <select name="role" defaultValue="viewer" className={adminInput}>{roles.map((r) => <option key={r} value={r}>{r}</option>)}</select>
      </label>
      <ScopeKindSelect scopeKind={scopeKind} wholeOrg={wholeOrg} />
      <label className="flex max-w-full flex-col gap-1">Values, comma-separated<input name="scopeValues" className={`${adminInput} ${valuesWidth} max-w-full`} placeholder={valuesPlaceholder} /></label>
    </>
  );
}
