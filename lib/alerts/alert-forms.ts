// The admin forms' fields → the channel and rule inputs the stores validate (Zod there).
import { parseMappingForm } from "@/lib/auth/mapping-form";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const list = (v: string) => v.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);

export function channelFromForm(form: FormData): unknown {
  const kind = text(form, "kind");
  const base = { name: text(form, "name") };
  if (kind === "EMAIL") {
    return { ...base, config: {
      kind, host: text(form, "smtpHost"), port: text(form, "smtpPort") || 587, secure: form.get("smtpSecure") === "on",
      user: text(form, "smtpUser") || undefined, password: String(form.get("smtpPassword") ?? "") || undefined,
      from: text(form, "from"), to: list(text(form, "to")),
    } };
  }
  return { ...base, config: { kind, url: text(form, "url"), ...(kind === "WEBHOOK" ? { signingSecret: String(form.get("signingSecret") ?? "") } : {}) } };
}

export function ruleFromForm(form: FormData): { ok: true; input: unknown } | { ok: false; message: string } {
  // Scope fields are the access mappings' (RoleScopeFields); the role is not used for a rule.
  const fields = new FormData();
  for (const [k, v] of form.entries()) fields.append(k, v);
  fields.set("group", text(form, "name") || "rule");
  fields.set("role", "viewer");
  const scope = parseMappingForm(fields);
  if (!scope.ok) return scope;
  return { ok: true, input: {
    name: text(form, "name"), kind: text(form, "kind"), minSeverity: text(form, "minSeverity"), scope: scope.grant.scope,
    params: { days: text(form, "days") || 7, runs: text(form, "runs") || 3, topN: text(form, "topN") || 10 },
    channelIds: form.getAll("channelIds").map(String),
  } };
}
