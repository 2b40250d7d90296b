"use client";
// "Freeze this review": stores today's computed review as the meeting's record.
import { useActionState } from "react";
import { freezeReviewAction, type FreezeState } from "@/lib/actions/reviews";

/** Freezes the review as shown: with the in-use choice in the URL. */
export function FreezeButton({ meetingDate, inUse }: { meetingDate: string; inUse: "only" | "all" }) {
  const [state, action, pending] = useActionState(freezeReviewAction, { message: null, frozenAt: null } as FreezeState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="meetingDate" value={meetingDate} />
      <input type="hidden" name="inUse" value={inUse} />
      <button
        type="submit"
        disabled={pending}
        title="Store this review as the record of the meeting; it can then be reopened exactly as it is now"
        className="rounded bg-[#16213a] px-3 py-1.5 text-sm font-semibold text-white hover:bg-[#24345a] disabled:opacity-60"
      >
        {pending ? "Freezing…" : "Freeze review"}
      </button>
      {state.message && <span role="alert" className="text-sm text-[#b2182b]">{state.message}</span>}
    </form>
  );
}
