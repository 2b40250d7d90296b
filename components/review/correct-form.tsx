"use client";
// "Correct this review": stores a recomputed review as the next version, with a reason; the
// frozen record and every earlier correction stay readable.
import { useActionState } from "react";
import { correctReviewAction, type FreezeState } from "@/lib/actions/reviews";

export function CorrectForm({ meetingDate }: { meetingDate: string }) {
  const [state, action, pending] = useActionState(correctReviewAction, { message: null, frozenAt: null } as FreezeState);
  return (
    <details className="mt-2" data-no-print>
      <summary className="cursor-pointer text-xs font-semibold text-accent">Correct this review…</summary>
      <form action={action} className="mt-2 flex flex-wrap items-start gap-2">
        <input type="hidden" name="meetingDate" value={meetingDate} />
        <label className="flex min-w-[min(20rem,100%)] flex-1 flex-col text-xs">
          Reason (kept with the new version)
          <textarea name="reason" required minLength={10} maxLength={1000} rows={2} className="mt-1 rounded border border-line bg-white px-2 py-1 text-sm" />
        </label>
        <button type="submit" disabled={pending} className="mt-4 rounded bg-[#16213a] px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
          {pending ? "Saving…" : "Save as a new version"}
        </button>
        {state.message && <span role="alert" className="text-sm text-[#b2182b]">{state.message}</span>}
      </form>
    </details>
  );
}
