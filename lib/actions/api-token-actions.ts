"use server";
// Server actions behind /admin/tokens: create (the secret comes back once, in the form state) and
// revoke. Guarded like the routes; each change is audited in its transaction.
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { actionError, guardAction } from "@/lib/auth/guard-action";
import { parseMappingForm } from "@/lib/auth/mapping-form";

export interface TokenFormState {
  message: string | null;
  secret: string | null;
  name: string | null;
}

export async function createTokenAction(_prev: TokenFormState, form: FormData): Promise<TokenFormState> {
  try {
    const { actor, address } = await guardAction("tokens", form);
    // The same role + scope fields as a group mapping; the token's name stands in for the group.
    const fields = new FormData();
    for (const [k, v] of form.entries()) fields.append(k, v);
    fields.set("group", String(form.get("name") ?? ""));
    const grant = parseMappingForm(fields);
    if (!grant.ok) return { message: grant.message, secret: null, name: null };
    const { token, secret } = await createApiToken(actor, { name: grant.group, ...grant.grant, expiresInDays: form.get("expiresInDays") }, address);
    revalidatePath("/admin/tokens");
    return { message: null, secret, name: token.name };
  } catch (err) {
    return { message: actionError(err), secret: null, name: null };
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  try {
    const { actor, address } = await guardAction("tokens", form);
    await revokeApiToken(actor, String(form.get("id") ?? ""), address);
  } catch (err) {
    actionError(err);
  }
  revalidatePath("/admin/tokens");
}
