"use server";
// Server actions behind the review page's exception form and revoke buttons.
import { revalidatePath } from "next/cache";
import type { FieldIssue } from "@/lib/review/exception-input";
import { createRiskException, revokeRiskException } from "./risk-exception-store";

export interface ExceptionFormState {
  ok: boolean;
  message: string | null;
  issues: FieldIssue[];
  /** Bumped on success so the form can reset itself. */
  savedId: number | null;
}

export async function createExceptionAction(_prev: ExceptionFormState, form: FormData): Promise<ExceptionFormState> {
  const input = {
    target: form.get("target") ?? undefined,
    findingArn: form.get("findingArn") ?? undefined,
    vulnerabilityId: form.get("vulnerabilityId") ?? undefined,
    resourceIds: form.get("resourceIds") ?? undefined,
    reason: form.get("reason") ?? undefined,
    owner: form.get("owner") ?? undefined,
    expiresOn: form.get("expiresOn") ?? undefined,
  };
  const r = await createRiskException(input, new Date(), "review page");
  if (!r.ok) return { ok: false, message: "The exception was not saved.", issues: r.issues, savedId: null };
  revalidatePath("/review");
  return { ok: true, message: `Exception #${r.id} recorded.`, issues: [], savedId: r.id };
}

export async function revokeExceptionAction(form: FormData): Promise<void> {
  await revokeRiskException(form.get("id"));
  revalidatePath("/review");
}
