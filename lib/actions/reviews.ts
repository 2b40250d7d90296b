"use server";
// Server action behind "Freeze this review".
import { revalidatePath } from "next/cache";
import { scopeForRequest } from "@/lib/queries/scope";
import { freezeReview } from "./review-freeze";

export interface FreezeState {
  message: string | null;
  frozenAt: string | null;
}

export async function freezeReviewAction(_prev: FreezeState, form: FormData): Promise<FreezeState> {
  const r = await freezeReview(await scopeForRequest(), form.get("meetingDate"));
  if (!r.ok) return { message: r.issues.map((i) => i.message).join("; "), frozenAt: null };
  revalidatePath("/review");
  return { message: null, frozenAt: r.frozenAt };
}
