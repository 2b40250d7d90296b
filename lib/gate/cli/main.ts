// `npm run gate -- …` and dist/gate.cjs: ask the app (POST /api/gate) or, with --wait, Inspector
// itself first; print the answer; exit 0 pass, 1 fail, 2 undecidable, 3 could not ask.
import fs from "node:fs";
import { parse as parseYaml } from "yaml";
import { decide } from "../decide";
import { gateFindingFromInspector, scanStateFromCoverage } from "../from-inspector";
import { policySchema } from "../policy-schema";
import type { Answer } from "./answer";
import { exitCode } from "./answer";
import { parseCli, USAGE, type CliOptions } from "./args";
import { render } from "./formats";
import { inspectorClient, waitForImageScan, type LiveObservation } from "./wait-for-scan";

async function askApp(o: CliOptions, observed?: LiveObservation): Promise<Answer> {
  if (!o.token) throw new Error("INSPECTORATE_GATE_TOKEN is not set");
  const body = { artifact: observed?.digest && o.artifact.kind === "ecr-image" ? { ...o.artifact, digest: observed.digest, tag: undefined } : o.artifact,
    ...(o.policy ? { policy: o.policy } : {}), ...(observed ? { observed: { coverage: observed.coverage ?? null, findings: observed.findings } } : {}) };
  const res = await fetch(new URL("/api/gate", o.url), {
    method: "POST", body: JSON.stringify(body),
    headers: { "content-type": "application/json", authorization: `Bearer ${o.token}`, ...(o.requestedBy ? { "x-gate-requested-by": o.requestedBy } : {}) },
  });
  const json = (await res.json().catch(() => ({}))) as Answer & { error?: string };
  if (!res.ok) throw new Error(`the app answered ${res.status}: ${json.error ?? res.statusText}`);
  return json;
}

function decideLocally(o: CliOptions, live: LiveObservation): Answer {
  const file = fs.readFileSync(o.policyFile!, "utf8");
  const parsed = policySchema.safeParse(o.policyFile!.endsWith(".json") ? JSON.parse(file) : parseYaml(file));
  if (!parsed.success) throw new Error(`--policy-file: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const d = decide(parsed.data, { source: "inspector", asOf: new Date(), scan: scanStateFromCoverage(live.coverage), findings: live.findings.map(gateFindingFromInspector),
    accountId: live.coverage?.accountId ?? null, ouName: null }, [], new Date());
  const label = o.artifact.kind === "ecr-image" ? `${o.artifact.repository}@${live.digest ?? o.artifact.digest ?? o.artifact.tag}` : JSON.stringify(o.artifact);
  return { ...d, artifact: label, policy: { name: parsed.data.name, version: "file" }, source: "inspector (local decision, no exceptions)" };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const o = parseCli(argv, env);
  if ("error" in o) {
    console.error(`gate: ${o.error}\n${USAGE}`);
    return 3;
  }
  try {
    let live: LiveObservation | undefined;
    if (o.wait) {
      const client = inspectorClient(o.artifact.region, env);
      try {
        live = await waitForImageScan(client, o.artifact, { ...o, log: (s) => console.error(`gate: ${s}`) });
      } finally {
        client.destroy();
      }
    }
    const answer = o.url ? await askApp(o, live) : decideLocally(o, live!);
    console.log(render(answer, o.format));
    return exitCode(answer);
  } catch (e) {
    console.error(`gate: could not decide: ${(e as Error).message}`);
    return 3;
  }
}

// Run when executed (tsx or the bundle), not when imported by tests.
const self = process.argv[1] ?? "";
if (/(gate\.cjs|cli[\\/]main\.ts)$/.test(self)) void main(process.argv.slice(2), process.env).then((code) => { process.exitCode = code; });
