// The admin form's fields → a group and its grant, with one plain message when something is off.
import { z } from "zod";
import { groupGrantSchema, type GroupGrant } from "./group-map";

const formSchema = z.object({
  group: z.string().trim().min(1, "the group name is empty").max(256),
  role: z.string(),
  scopeKind: z.enum(["all", "ous", "owners", "accounts"], { error: "choose a scope" }),
  scopeValues: z.string().default(""),
});

export function parseMappingForm(form: FormData): { ok: true; group: string; grant: GroupGrant } | { ok: false; message: string } {
  const f = formSchema.safeParse(Object.fromEntries(form.entries()));
  if (!f.success) return { ok: false, message: f.error.issues[0].message };
  const values = f.data.scopeValues.split(/[,\n]/).map((v) => v.trim()).filter(Boolean);
  const scope = f.data.scopeKind === "all" ? { all: true } : { [f.data.scopeKind]: values };
  const g = groupGrantSchema.safeParse({ role: f.data.role, scope });
  if (!g.success) {
    const issue = g.error.issues[0];
    return { ok: false, message: `${issue.path.filter((p) => typeof p === "string").join(" ") || "value"}: ${issue.message}` };
  }
  return { ok: true, group: f.data.group, grant: g.data };
}
