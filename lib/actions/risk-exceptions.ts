"use server";
// Server actions behind the review page's exception form, revoke and approve buttons: guarded like
// the routes (permission, Host, Origin), authored by the signed-in actor.
import { revalidatePath } from "next/cache";
import { actionError, guardAction } from "@/lib/auth/guard-action";
import type { FieldIssue } from "@/lib/review/exception-input";
import { approveRiskException, createRiskException, revokeRiskException } from "./risk-exception-store";

export interface ExceptionFormState {
  ok: boolean;
  message: string | null;
  issues: FieldIssue[];
  /** Bumped on success so the form can reset itself. */
  savedId: string | null;
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
  try {
    const { actor, address } = await guardAction("exceptions", form);
    const r = await createRiskException({ actor, address }, input);
    if (!r.ok) return { ok: false, message: "The exception was not saved.", issues: r.issues, savedId: null };
    revalidatePath("/review");
    return { ok: true, message: r.approved ? "Exception recorded." : "Exception recorded; it counts once someone else approves it.", issues: [], savedId: r.id };
  } catch (err) {
    return { ok: false, message: actionError(err), issues: [], savedId: null };
  }
}

async function change(verb: typeof revokeRiskException, form: FormData, permission: "exceptions" | "exceptions.approve") {
  try {
    const { actor, address } = await guardAction(permission, form);
    await verb({ actor, address }, form.get("id"));
  } catch (err) {
    actionError(err);
  }
  revalidatePath("/review");
}

export async function revokeExceptionAction(form: FormData): Promise<void> {
  await change(revokeRiskException, form, "exceptions");
}

export async function approveExceptionAction(form: FormData): Promise<void> {
  await change(approveRiskException, form, "exceptions.approve");
}
