import { parseArgs } from "node:util";
import { startEmulator, type EmulatorOptions } from "./server";

// `npm run emulator -- --port 4566 --seed 42 --accounts 12 --findings 6000`
// Flags win over env (EMULATOR_PORT, EMULATOR_SEED, ...). Stays up until SIGINT/SIGTERM.

const { values } = parseArgs({
  options: {
    port: { type: "string" }, host: { type: "string" }, seed: { type: "string" }, accounts: { type: "string" },
    regions: { type: "string" }, findings: { type: "string" }, "history-weeks": { type: "string" },
    "closed-retention-days": { type: "string" }, "fault-rate": { type: "string" }, "latency-ms": { type: "string" },
    "denied-regions": { type: "string" }, "denied-actions": { type: "string" }, throttle: { type: "string" }, now: { type: "string" }, "daily-churn": { type: "string" },
    quirks: { type: "string" },
  },
});

const env = process.env;
const pick = (flag: string, name: string) => (values as Record<string, string | undefined>)[flag] ?? env[`EMULATOR_${name}`];
const num = (flag: string, name: string) => {
  const v = pick(flag, name);
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${flag} must be a number, got ${v}`);
  return n;
};
const list = (flag: string, name: string) => pick(flag, name)?.split(",").map((s) => s.trim()).filter(Boolean);

/** "ListFindings=5,ListCoverage=2" -> { ListFindings: 5, ListCoverage: 2 } */
function throttle(): Record<string, number> | undefined {
  const spec = pick("throttle", "THROTTLE");
  if (!spec) return undefined;
  return Object.fromEntries(spec.split(",").map((p) => { const [op, rate] = p.split("="); return [op.trim(), Number(rate)]; }));
}

/** "listingLagSeconds=300,clockSkewSeconds=-60,disabledRetention,terminations,accountChurn" (all off by default). */
function quirks(): EmulatorOptions["quirks"] {
  const spec = pick("quirks", "QUIRKS");
  if (!spec) return undefined;
  const known = ["listingLagSeconds", "clockSkewSeconds", "disabledRetention", "terminations", "accountChurn", "multiResource", "ghsaFindings", "codeSecurity", "referenceUrls", "pageOverlap"];
  return Object.fromEntries(spec.split(",").map((p) => {
    const [k, v] = p.split("=").map((x) => x.trim());
    if (!known.includes(k)) throw new Error(`--quirks: unknown quirk ${k} (known: ${known.join(", ")})`);
    return [k, v === undefined ? true : Number(v)];
  }));
}

async function main(): Promise<void> {
  const now = pick("now", "NOW");
  const opts: EmulatorOptions = {
    port: num("port", "PORT") ?? 4566, host: pick("host", "HOST"), seed: num("seed", "SEED"), accounts: num("accounts", "ACCOUNTS"),
    regions: list("regions", "REGIONS"), findings: num("findings", "FINDINGS"), historyWeeks: num("history-weeks", "HISTORY_WEEKS"),
    closedRetentionDays: num("closed-retention-days", "CLOSED_RETENTION_DAYS"), faultRate: num("fault-rate", "FAULT_RATE"),
    latencyMs: num("latency-ms", "LATENCY_MS"), deniedRegions: list("denied-regions", "DENIED_REGIONS"), deniedActions: list("denied-actions", "DENIED_ACTIONS"), throttle: throttle(),
    now: now ? new Date(now) : undefined, dailyChurn: num("daily-churn", "DAILY_CHURN"),
    quirks: quirks(),
  };
  const started = Date.now();
  const h = await startEmulator(opts);
  const lines = [
    `Inspectorate emulator listening on ${h.url} (world built in ${Date.now() - started} ms)`,
    `endpoint:            ${h.url}`,
    `role ARN:            ${h.roleArn}`,
    `external id:         ${h.externalId}`,
    `admin account:       ${h.adminAccountId}`,
    `management account:  ${h.managementAccountId}`,
    `base credentials:    AWS_ACCESS_KEY_ID=${h.baseCredentials.accessKeyId} AWS_SECRET_ACCESS_KEY=${h.baseCredentials.secretAccessKey}`,
    `example:             AWS_ENDPOINT_URL=${h.url} AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=${h.baseCredentials.accessKeyId} AWS_SECRET_ACCESS_KEY=${h.baseCredentials.secretAccessKey} INSPECTORATE_ROLE_ARN=${h.roleArn} INSPECTORATE_EXTERNAL_ID=${h.externalId} npm run sync`,
    `control:             POST ${h.url}/_emulator/advance {"days":1} | GET ${h.url}/_emulator/state | POST ${h.url}/_emulator/options | POST ${h.url}/_emulator/change {"change":"leaveInspector","accountId":"…"}`,
  ];
  console.log(lines.join("\n"));
  const stop = () => { void h.close().then(() => process.exit(0)); };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
