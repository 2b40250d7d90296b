"use server";
// Saving a policy from the editor: JSON or YAML text, validated; errors name the field. Guarded like
// the other server actions (Host, Origin, an admin permission, the client's address) and audited
// (gate.policy.saved) in the transaction that writes the version.
import { revalidatePath } from "next/cache";
import { parse as parseYaml } from "yaml";
import { actionError, guardAction } from "@/lib/auth/guard-action";
import { savePolicyVersion } from "@/lib/actions/gate-policies";
import type { FieldIssue } from "@/lib/gate/policy-schema";

export interface PolicyFormState { issues: FieldIssue[]; saved?: string; text?: string }

export async function savePolicyAction(_prev: PolicyFormState, form: FormData): Promise<PolicyFormState> {
  const text = String(form.get("document") ?? "");
  try {
    // Admin-only like the page: "settings" is the admins' permission for application configuration.
    const { actor, address } = await guardAction("settings", form);
    let doc: unknown;
    try {
      doc = text.trim().startsWith("{") ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      return { text, issues: [{ field: "(document)", message: `not JSON or YAML: ${(e as Error).message.split("\n")[0]}` }] };
    }
    const r = await savePolicyVersion(doc, actor, "app", address);
    if (!r.ok) return { text, issues: r.issues };
    revalidatePath("/gate/policies");
    return { text, issues: [], saved: r.unchanged ? `${r.name} unchanged (still v${r.version})` : `${r.name} saved as v${r.version}` };
  } catch (err) {
    return { text, issues: [{ field: "(document)", message: actionError(err) }] };
  }
}
