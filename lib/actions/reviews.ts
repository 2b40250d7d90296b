"use server";
// Server actions behind "Freeze review" and "Correct this review".
import { revalidatePath } from "next/cache";
import { correctReview } from "./review-correct";
import { freezeReview, type FreezeResult } from "./review-freeze";
import { requestActor } from "@/lib/auth/request-actor";

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

const signedOut: FreezeState = { message: "sign in first", frozenAt: null };

export async function freezeReviewAction(_prev: FreezeState, form: FormData): Promise<FreezeState> {
  const actor = await requestActor();
  return actor ? toState(await freezeReview(actor, form.get("meetingDate"))) : signedOut;
}

export async function correctReviewAction(_prev: FreezeState, form: FormData): Promise<FreezeState> {
  const actor = await requestActor();
  return actor ? toState(await correctReview(actor, { meetingDate: form.get("meetingDate"), reason: form.get("reason") })) : signedOut;
}
