"use server";
// Server actions behind /admin/access: save or remove a group's role and scope, end a user's
// sessions (admins only).
// Guarded like every action (Host, Origin, the "roles" permission); the audit row carries the
// client's address. A refusal goes back to the page as its error line.
import type { FormState } from "./form-state";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteMapping, saveMapping } from "@/lib/auth/access-mapping-store";
import { endUserSessions } from "@/lib/auth/end-sessions";
import type { GuardContext } from "@/lib/auth/guard";
import { actionError, guardAction } from "@/lib/auth/guard-action";
import { parseMappingForm } from "@/lib/auth/mapping-form";

const back = (q: Record<string, string>) => redirect(`/admin/access?${new URLSearchParams(q)}`);

/** The guard's context, or the page again with the reason (redirect throws, so outside any try). */
async function guard(form: FormData): Promise<GuardContext> {
  let g: GuardContext | undefined;
  let refused = "";
  try {
    g = await guardAction("roles", form);
  } catch (err) {
    refused = actionError(err);
  }
  if (!g) return back({ error: refused });
  return g;
}

/** Saving answers in the form's own state, so a refused mapping comes back as the admin typed it
 *  (components/admin/group-mapping-form.tsx); removing and ending sessions go back to the page. */
export async function saveMappingAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const { actor, address } = await guardAction("roles", form);
    const parsed = parseMappingForm(form);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const r = await saveMapping(actor, parsed.group, parsed.grant, address);
    if (!r.ok) return { ok: false, message: r.message };
    revalidatePath("/admin/access");
    return { ok: true, message: `Saved the mapping of ${parsed.group}.` };
  } catch (err) {
    return { ok: false, message: actionError(err) };
  }
}

export async function deleteMappingAction(form: FormData) {
  const { actor, address } = await guard(form);
  const group = String(form.get("group") ?? "");
  // Set only by the button that says the environment's mapping of the group then applies again.
  const r = await deleteMapping(actor, group, address, { restoreEnvironment: form.get("restoreEnvironment") === "1" });
  if (!r.ok) return back({ error: r.message });
  revalidatePath("/admin/access");
  back({ removed: group });
}

/** The posted id is checked again by endUserSessions: only a user the admin may see in the list. */
export async function endSessionsAction(form: FormData) {
  const { actor, address } = await guard(form);
  const r = await endUserSessions(actor, form.get("userId"), address);
  if (!r.ok) return back({ error: r.message });
  revalidatePath("/admin/access");
  back({ ended: String(r.ended), of: r.user });
}
