"use server";
// Server actions behind "Freeze review" and "Correct this review".
import { revalidatePath } from "next/cache";
import { correctReview } from "./review-correct";
import { freezeReview, type FreezeResult } from "./review-freeze";
import { actionError, guardAction } from "@/lib/auth/guard-action";

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
  try {
    const { actor } = await guardAction("freeze", form);
    return toState(await freezeReview(actor, { meetingDate: form.get("meetingDate"), inUse: form.get("inUse") ?? undefined }));
  } catch (err) {
    return { message: actionError(err), frozenAt: null };
  }
}

export async function correctReviewAction(_prev: FreezeState, form: FormData): Promise<FreezeState> {
  try {
    const { actor } = await guardAction("freeze", form);
    return toState(await correctReview(actor, { meetingDate: form.get("meetingDate"), reason: form.get("reason") }));
  } catch (err) {
    return { message: actionError(err), frozenAt: null };
  }
}
