// The gate CLI's arguments: one artifact, where to ask, how to print. Errors name the flag.
import { parseArgs } from "node:util";
import { artifactSchema, parseImageRef, type Artifact } from "../artifact";

export interface CliOptions {
  artifact: Artifact;
  policy?: string;
  policyFile?: string;
  format: "human" | "json" | "sarif" | "junit";
  wait: boolean;
  timeoutSeconds: number;
  pollSeconds: number;
  url?: string;
  token?: string;
  requestedBy?: string;
}

export const USAGE = `usage: gate (--image repo@sha256:… | --image repo:tag | --lambda name[:version] | --instance i-… | --ami ami-…)
            [--account 123456789012] [--region us-east-1] [--policy name | --policy-file policy.yaml]
            [--format human|json|sarif|junit] [--wait] [--timeout seconds] [--poll seconds] [--url https://inspectorate…]
  token: INSPECTORATE_GATE_TOKEN; app: --url or INSPECTORATE_URL. exit 0 pass, 1 fail, 2 undecidable, 3 could not ask.`;

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions | { error: string } {
  let v;
  try {
    v = parseArgs({ args: argv, strict: true, options: {
      image: { type: "string" }, lambda: { type: "string" }, instance: { type: "string" }, ami: { type: "string" },
      account: { type: "string" }, region: { type: "string" }, policy: { type: "string" }, "policy-file": { type: "string" },
      format: { type: "string", default: "human" }, wait: { type: "boolean", default: false }, timeout: { type: "string", default: "600" },
      poll: { type: "string", default: "5" }, url: { type: "string" }, "requested-by": { type: "string" },
    } }).values;
  } catch (e) {
    return { error: (e as Error).message };
  }
  const given = (["image", "lambda", "instance", "ami"] as const).filter((k) => v[k] !== undefined);
  if (given.length !== 1) return { error: "give exactly one of --image, --lambda, --instance or --ami" };
  const where = { ...(v.account ? { accountId: v.account } : {}), ...(v.region ? { region: v.region } : {}) };
  let artifact: unknown;
  if (v.image !== undefined) {
    const a = parseImageRef(v.image);
    if ("error" in a) return a;
    artifact = { ...a, ...where };
  } else if (v.lambda !== undefined) {
    const [functionName, qualifier] = v.lambda.split(":");
    artifact = { kind: "lambda-function", functionName, ...(qualifier ? { qualifier } : {}), ...where };
  } else artifact = v.instance !== undefined ? { kind: "ec2-instance", instanceId: v.instance, ...where } : { kind: "ami", amiId: v.ami, ...where };
  const a = artifactSchema.safeParse(artifact);
  if (!a.success) return { error: `--${given[0]}: ${a.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  const format = v.format as CliOptions["format"];
  if (!["human", "json", "sarif", "junit"].includes(format)) return { error: `--format: expected human, json, sarif or junit (got ${format})` };
  const timeoutSeconds = Number(v.timeout), pollSeconds = Number(v.poll);
  if (!(timeoutSeconds >= 0)) return { error: "--timeout: expected seconds (a number ≥ 0)" };
  if (!(pollSeconds > 0)) return { error: "--poll: expected seconds (a number > 0)" };
  const url = v.url ?? env.INSPECTORATE_URL;
  if (!url && !v["policy-file"]) return { error: "give --url (or INSPECTORATE_URL) to ask the app, or --policy-file to decide locally" };
  if (!url && !v.wait) return { error: "--policy-file without --url decides from Inspector directly: add --wait" };
  return {
    artifact: a.data, policy: v.policy, policyFile: v["policy-file"], format, wait: v.wait, timeoutSeconds, pollSeconds, url,
    token: env.INSPECTORATE_GATE_TOKEN, requestedBy: v["requested-by"] || env.GITHUB_WORKFLOW || env.CI_JOB_NAME || env.JOB_NAME || undefined,
  };
}
