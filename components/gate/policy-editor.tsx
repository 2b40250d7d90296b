"use client";
// One policy document as YAML or JSON text; saving makes a new version. Errors list the field.
import { useActionState } from "react";
import type { PolicyFormState } from "@/app/gate/policies/actions";

export function PolicyEditor({ initial, action, label }: { initial: string; label: string; action: (s: PolicyFormState, f: FormData) => Promise<PolicyFormState> }) {
  const [state, submit, pending] = useActionState(action, { issues: [] });
  return (
    <form action={submit} className="space-y-2" data-testid="policy-editor">
      <textarea name="document" aria-label={label} defaultValue={state.text ?? initial} rows={16} spellCheck={false}
        className="w-full rounded border border-line p-2 font-mono text-xs" />
      {state.issues.length > 0 && (
        <ul role="alert" className="list-disc pl-5 text-sm text-red-800">
          {state.issues.map((i, k) => <li key={k}><code className="font-mono">{i.field}</code>: {i.message}</li>)}
        </ul>
      )}
      {state.saved && <p role="status" className="text-sm text-emerald-800">{state.saved}</p>}
      <button disabled={pending} className="rounded bg-[#16213a] px-3 py-1.5 text-sm text-white disabled:opacity-50">{pending ? "Saving…" : "Save as new version"}</button>
    </form>
  );
}
