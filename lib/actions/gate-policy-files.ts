// Policies that live in the repository: every *.json, *.yaml and *.yml file of
// INSPECTORATE_GATE_POLICY_DIR is saved as a policy version at start (unchanged files add nothing).
import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { env } from "@/lib/env";
import { savePolicyVersion } from "./gate-policies";

export interface PolicyFileResult { file: string; ok: boolean; message: string }

export async function loadPolicyDirectory(dir: string): Promise<PolicyFileResult[]> {
  const files = (await fs.readdir(dir)).filter((f) => /\.(json|ya?ml)$/i.test(f)).sort();
  const out: PolicyFileResult[] = [];
  for (const file of files) {
    let doc: unknown;
    try {
      const text = await fs.readFile(path.join(dir, file), "utf8");
      doc = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      out.push({ file, ok: false, message: `not readable: ${(e as Error).message.split("\n")[0]}` });
      continue;
    }
    const r = await savePolicyVersion(doc, null, `file:${file}`);
    out.push(r.ok ? { file, ok: true, message: `${r.name} v${r.version}${r.unchanged ? " (unchanged)" : ""}` }
      : { file, ok: false, message: r.issues.map((i) => `${i.field}: ${i.message}`).join("; ") });
  }
  return out;
}

/** At start (instrumentation.ts): load the configured directory, logging one line per file. */
export async function loadConfiguredPolicies(): Promise<void> {
  const dir = env().INSPECTORATE_GATE_POLICY_DIR;
  if (!dir) return;
  try {
    for (const r of await loadPolicyDirectory(dir)) console.log(`inspectorate gate: ${r.file}: ${r.ok ? "" : "rejected: "}${r.message}`);
  } catch (e) {
    console.error(`inspectorate gate: policies not loaded from ${dir}: ${(e as Error).message}`);
  }
}
