"use client";
// "Send test" for one channel: the answer (delivered, or why not) shows beside the button and in
// the delivery log.
import { useActionState } from "react";
import { sendTestAction } from "@/lib/actions/alert-actions";
import { NO_FORM_STATE as initial } from "@/lib/actions/form-state";


export function SendTestButton({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState(sendTestAction, initial);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={`Send test to ${name}`} className="rounded border border-line px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60">
        {pending ? "Sending…" : "Send test"}
      </button>
      {state.message && <span role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-green-800" : "text-red-800"}`}>{state.message}</span>}
    </form>
  );
}
