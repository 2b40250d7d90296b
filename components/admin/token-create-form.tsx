"use client";
// New API token: role, scope, expiry. The secret is shown here once and never again.
import { useKeptForm } from "@/components/ui/use-kept-form";
import { createTokenAction, type TokenFormState } from "@/lib/actions/api-token-actions";
import { RoleScopeFields, adminInput as input } from "./role-scope-fields";

const initial: TokenFormState = { message: null, secret: null, name: null };

/** `wholeOrg`: the admin may make whole-organization tokens (their "tokens" scope is every account). */
export function TokenCreateForm({ wholeOrg }: { wholeOrg: boolean }) {
  const { state, pending, form } = useKeptForm(createTokenAction, initial, (s) => s.secret !== null);
  return (
    <div className="space-y-3">
      <form {...form} data-testid="token-form" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">Name<input name="name" required maxLength={100} className={input} placeholder="ci-pipeline" /></label>
        <RoleScopeFields scopeKind="all" wholeOrg={wholeOrg} valuesPlaceholder="111122223333" valuesWidth="w-60" />
        <label className="flex flex-col gap-1">Expires in (days)<input name="expiresInDays" type="number" min={1} max={366} defaultValue={90} className={`${input} w-24`} /></label>
        <button type="submit" disabled={pending} className="rounded-md bg-accent px-3 py-1.5 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">Create token</button>
      </form>
      {state.message && <p role="alert" className="text-sm text-red-800">{state.message}</p>}
      {state.secret && (
        <div role="status" data-testid="token-secret" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">Token “{state.name}” — copy it now; it is not shown again:</p>
          <code className="mt-1 block select-all break-all font-mono text-xs">{state.secret}</code>
        </div>
      )}
    </div>
  );
}
