"use server";
// Saving a policy from the editor: JSON or YAML text, validated; errors name the field.
import { revalidatePath } from "next/cache";
import { parse as parseYaml } from "yaml";
import { requireAdmin } from "@/lib/auth/require-admin";
import { savePolicyVersion } from "@/lib/actions/gate-policies";
import type { FieldIssue } from "@/lib/gate/policy-schema";

export interface PolicyFormState { issues: FieldIssue[]; saved?: string; text?: string }

export async function savePolicyAction(_prev: PolicyFormState, form: FormData): Promise<PolicyFormState> {
  const actor = await requireAdmin();
  const text = String(form.get("document") ?? "");
  let doc: unknown;
  try {
    doc = text.trim().startsWith("{") ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    return { text, issues: [{ field: "(document)", message: `not JSON or YAML: ${(e as Error).message.split("\n")[0]}` }] };
  }
  const r = await savePolicyVersion(doc, actor);
  if (!r.ok) return { text, issues: r.issues };
  revalidatePath("/gate/policies");
  return { text, issues: [], saved: r.unchanged ? `${r.name} unchanged (still v${r.version})` : `${r.name} saved as v${r.version}` };
}
