"use server";
// Server actions behind /admin/access: save or remove a group's role and scope (admins only).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteMapping, saveMapping } from "@/lib/auth/access-mapping-store";
import { parseMappingForm } from "@/lib/auth/mapping-form";
import { requireAdmin } from "@/lib/auth/require-admin";

const back = (q: Record<string, string>) => redirect(`/admin/access?${new URLSearchParams(q)}`);

export async function saveMappingAction(form: FormData) {
  const actor = await requireAdmin();
  const parsed = parseMappingForm(form);
  if (!parsed.ok) return back({ error: parsed.message });
  const r = await saveMapping(actor, parsed.group, parsed.grant);
  if (!r.ok) return back({ error: r.message });
  revalidatePath("/admin/access");
  back({ saved: parsed.group });
}

export async function deleteMappingAction(form: FormData) {
  const actor = await requireAdmin();
  const group = String(form.get("group") ?? "");
  const r = await deleteMapping(actor, group);
  if (!r.ok) return back({ error: r.message });
  revalidatePath("/admin/access");
  back({ removed: group });
}
