"use server";
// Server actions behind "Freeze review" and "Correct this review".
import { revalidatePath } from "next/cache";
import { correctReview } from "./review-correct";
import { freezeReview, type FreezeResult } from "./review-freeze";
import { requestActor } from "./local-actor";

export interface FreezeState {
  message: string | null;
  frozenAt: string | null;
  version?: number;
}

function toState(r: FreezeResult): FreezeState {
  if (!r.ok) return { message: r.issues.map((i) => i.message).join("; "), frozenAt: null };
  revalidatePath("/review");
  return { message: null, frozenAt: r.frozenAt, version: r.version };
}

export async function freezeReviewAction(_prev: FreezeState, form: FormData): Promise<FreezeState> {
  return toState(await freezeReview(await requestActor(), form.get("meetingDate")));
}

export async function correctReviewAction(_prev: FreezeState, form: FormData): Promise<FreezeState> {
  return toState(await correctReview(await requestActor(), { meetingDate: form.get("meetingDate"), reason: form.get("reason") }));
}
