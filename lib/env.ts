// The one place configuration is read and validated. A bad value names the variable and
// what it expects, in one line, and the process stops before doing anything else.
import { z } from "zod";
import { accountIdSchema } from "./domain/account-id";
import { severityOrder } from "./domain/severity";
import { groupMapJson } from "./auth/group-map";
import { redactUrlPassword } from "./db/redact-url";

/** The sync's heap growth unless INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT says otherwise (lib/sync/util/heap-growth.ts). */
export const DEFAULT_SYNC_HEAP_GROWTH_PERCENT = 50;

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), "expected a postgres:// or postgresql:// URL");

const csvList = (item: z.ZodType<string>) =>
  z.string().transform((v, ctx) => {
    const parts = v.split(",").map((s) => s.trim()).filter(Boolean);
    for (const p of parts) {
      const r = item.safeParse(p);
      if (!r.success) ctx.addIssue({ code: "custom", message: `"${p}" is not valid: ${r.error.issues[0]?.message}` });
    }
    return parts;
  });

/** "key=value,key=value" → record; used for account names, owner overrides and SLA days. */
const keyValueList = (key: z.ZodType<string>, value: z.ZodType<string>) =>
  z.string().transform((v, ctx) => {
    const out: Record<string, string> = {};
    for (const pair of v.split(",").map((s) => s.trim()).filter(Boolean)) {
      const [k, ...rest] = pair.split("=");
      const val = rest.join("=").trim();
      if (!key.safeParse(k.trim()).success || !value.safeParse(val).success) {
        ctx.addIssue({ code: "custom", message: `"${pair}" is not key=value of the expected form` });
        continue;
      }
      out[k.trim()] = val;
    }
    return out;
  });

const httpUrl = z
  .string()
  .refine((v) => /^https?:\/\/\S+$/.test(v) && URL.canParse(v), "expected an http:// or https:// URL");

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "expected an AWS region such as us-east-1");
const severityKey = z.enum(["critical", "high", "medium", "low"] as const);

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  // A read replica of DATABASE_URL: read models go there, writes and the sync to the primary (lib/queries/sql.ts).
  DATABASE_READ_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  INSPECTORATE_DATA_DIR: z.string().min(1).default(".data"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Web server processes sharing PORT (node:cluster, `npm start` with the standalone build); each
  // renders pages on its own thread, so up to one per core. More than one needs DATABASE_URL.
  INSPECTORATE_WEB_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  // Pages and API calls each web worker serves at once; the others wait their turn in arrival order
  // (lib/ops/request-admission.ts). 0: no limit.
  INSPECTORATE_WEB_CONCURRENCY: z.coerce.number().int().min(0).max(1000).default(4),
  INSPECTORATE_ROLE_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]+$/, "expected an IAM role ARN such as arn:aws:iam::123456789012:role/InspectorateReadOnly")
    .optional(),
  INSPECTORATE_EXTERNAL_ID: z.string().min(2).max(1224).optional(),
  INSPECTORATE_ROLE_SESSION_NAME: z.string().regex(/^[\w+=,.@-]{2,64}$/, "expected 2-64 characters of [\\w+=,.@-]").default("inspectorate"),
  INSPECTORATE_REGIONS: csvList(region).optional(),
  AWS_REGION: region.optional(),
  INSPECTORATE_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10080).default(60),
  // Incremental syncs re-read this far behind the watermark (clock skew, eventual consistency).
  INSPECTORATE_SYNC_OVERLAP_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  // A full listing this often finds the findings AWS deleted (incremental reads cannot see them).
  INSPECTORATE_FULL_SYNC_HOURS: z.coerce.number().min(1).max(8760).default(24),
  // How long after its updatedAt a change may take to become listable (the overlap covers it).
  INSPECTORATE_LISTING_LAG_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  // Time per region for re-listing accounts whose counts disagree with Inspector's.
  INSPECTORATE_INTEGRITY_BUDGET_SECONDS: z.coerce.number().int().min(0).max(86400).default(300),
  // While a sync runs, V8's old generation grows by this share of its live heap (lib/sync/util/heap-growth.ts);
  // 0: V8's own factor.
  INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(400).default(DEFAULT_SYNC_HEAP_GROWTH_PERCENT),
  INSPECTORATE_ACCOUNT_NAMES: keyValueList(accountIdSchema, z.string().min(1)).default({}),
  INSPECTORATE_OWNERS: keyValueList(accountIdSchema, z.string().min(1)).default({}),
  INSPECTORATE_SLA_DAYS: keyValueList(severityKey, z.string().regex(/^\d+$/, "days")).default({}),
  // 1: a finding in CISA KEV is due by KEV's due date when that is earlier than its severity's SLA.
  INSPECTORATE_SLA_KEV_DUE_DATE: z.enum(["0", "1"]).default("0"),
  // A past meeting may still be frozen this many hours after its UTC day ended; older is refused.
  INSPECTORATE_REVIEW_FREEZE_GRACE_HOURS: z.coerce.number().int().min(0).max(72).default(12),
  INSPECTORATE_DEMO: z.enum(["0", "1"]).optional(),
  INSPECTORATE_EMBEDDED_DB: z.enum(["0", "1"]).optional(),
  INSPECTORATE_DEMO_ACCOUNTS: z.coerce.number().int().min(2).max(1000).default(12),
  INSPECTORATE_DEMO_FINDINGS: z.coerce.number().int().min(10).max(2_000_000).default(6000),
  INSPECTORATE_DEMO_SEED: z.coerce.number().int().default(42),
  // Deployment gate: the bearer token POST /api/gate accepts until API tokens land, and a
  // directory of policy files (JSON or YAML) loaded as policy versions at start.
  INSPECTORATE_GATE_TOKEN: z.string().min(16, "expected at least 16 characters").optional(),
  INSPECTORATE_GATE_POLICY_DIR: z.string().min(1).optional(),
  // Sign-in (OpenID Connect). Without an issuer the app runs in local mode (lib/auth).
  INSPECTORATE_OIDC_ISSUER: httpUrl.optional(),
  INSPECTORATE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  INSPECTORATE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  INSPECTORATE_OIDC_SCOPES: z.string().regex(/^(?=.*\bopenid\b)[\w:./ -]+$/, 'expected space-separated scopes including "openid"').default("openid email profile"),
  INSPECTORATE_OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  INSPECTORATE_OIDC_GROUP_MAP: groupMapJson.default({}),
  INSPECTORATE_PUBLIC_URL: httpUrl.transform((v) => v.replace(/\/+$/, "")).optional(),
  INSPECTORATE_SESSION_IDLE_MINUTES: z.coerce.number().positive().max(10080).default(120),
  INSPECTORATE_SESSION_MAX_HOURS: z.coerce.number().positive().max(720).default(12),
  // How often a session re-reads the user's groups from the provider (its refresh token); 0: at sign-in only.
  INSPECTORATE_OIDC_GROUPS_RECHECK_SECONDS: z.coerce.number().int().min(0).max(86400).default(900),
  INSPECTORATE_SIGNIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  // Proxies in front of the app that append to X-Forwarded-For (a load balancer: 1). 0: reached
  // directly, the client's address is the connection's, and X-Forwarded-For is the client's own text.
  INSPECTORATE_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(1),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  INSPECTORATE_METRICS_TOKEN: z.string().min(16, "expected at least 16 characters").optional(),
  // Host names (host or host:port) the app answers to; default: HOST:PORT (+ loopback names, PUBLIC_URL).
  INSPECTORATE_ALLOWED_HOSTS: csvList(z.string().regex(/^(\[[0-9a-f:.]+\]|[\w.-]+)(:\d{1,5})?$/i, "expected host or host:port")).optional(),
  // Alerts: the AES-256-GCM key for channel secrets (32 bytes, base64 or hex); plain-http hosts and
  // private/loopback addresses an admin allows webhooks and SMTP to reach (lib/alerts/outbound).
  INSPECTORATE_SECRETS_KEY: z.string().refine((v) => secretsKeyBytes(v) !== null, "expected 32 bytes as 64 hex characters or base64").optional(),
  INSPECTORATE_ALERTS_HTTP_HOSTS: csvList(z.string().regex(/^[\w.:\[\]-]+$/, "expected a host name")).default([]),
  // The alerts worker's pass every this many seconds (besides one after each in-app sync); 0 = off.
  INSPECTORATE_ALERTS_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  // Each web worker checks this often whether the cache's data moved with no run in progress, and then
  // computes the overview and today's review before anyone asks (besides after each in-app sync); 0 = off.
  INSPECTORATE_WARM_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // Each web worker keeps the findings' filter columns in memory (~120 bytes a finding) for the
  // explorer's counts, groups and pages when there are at most this many findings; 0 = never.
  INSPECTORATE_FINDINGS_INDEX_MAX: z.coerce.number().int().min(0).max(20_000_000).default(1_500_000),
  INSPECTORATE_ALERTS_PRIVATE_HOSTS: csvList(z.string().regex(/^[\w.:\[\]\/-]+$/, "expected a host name or address")).default([]),
  // "four-eyes": a risk exception counts only once someone other than its creator approved it.
  INSPECTORATE_EXCEPTION_APPROVAL: z.enum(["none", "four-eyes"]).default("none"),
}).superRefine((e, ctx) => {
  if (e.DATABASE_READ_URL && (!e.DATABASE_URL || e.INSPECTORATE_EMBEDDED_DB === "1")) {
    ctx.addIssue({ code: "custom", path: ["DATABASE_READ_URL"], message: "a read replica needs DATABASE_URL (a PostgreSQL server): the embedded database has no replicas" });
  }
  if (e.INSPECTORATE_WEB_WORKERS > 1 && (!e.DATABASE_URL || e.INSPECTORATE_EMBEDDED_DB === "1")) {
    ctx.addIssue({ code: "custom", path: ["INSPECTORATE_WEB_WORKERS"], message: "more than one web worker needs DATABASE_URL (a PostgreSQL server): the embedded database is one session in one process" });
  }
  // Local mode is one implicit admin: only someone on this machine may reach it.
  if (!e.INSPECTORATE_OIDC_ISSUER && !isLoopbackHost(e.HOST)) {
    ctx.addIssue({ code: "custom", path: ["HOST"], message: "local mode (no INSPECTORATE_OIDC_ISSUER) listens only on a loopback address such as 127.0.0.1; configure sign-in to listen on other addresses" });
  }
  if (!e.INSPECTORATE_OIDC_ISSUER) return;
  for (const name of ["INSPECTORATE_OIDC_CLIENT_ID", "INSPECTORATE_PUBLIC_URL"] as const) {
    if (!e[name]) ctx.addIssue({ code: "custom", path: [name], message: "required when INSPECTORATE_OIDC_ISSUER is set" });
  }
});

export type Env = z.infer<typeof schema>;

/** 127.0.0.0/8, ::1 and localhost: the addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The secrets key's 32 bytes, or null when it is neither 64 hex characters nor base64 of 32 bytes. */
export function secretsKeyBytes(v: string): Buffer | null {
  const b = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, "hex") : Buffer.from(v, "base64");
  return b.length === 32 ? b : null;
}

export class ConfigError extends Error {}

/**
 * A config error is logged and shown to admins (the alerts and sync pages), so the value of any
 * variable whose name says it holds a credential (tokens, secrets, keys such as
 * INSPECTORATE_SECRETS_KEY, passwords, credentials) is never echoed back, not even quoted inside
 * the message; other values are, with a database URL's password masked (redactUrlPassword).
 */
export const secretNames = /(TOKEN|SECRET|KEY|PASSWORD|CREDENTIAL)/i;

/** Settings read under another name now: one set is a start-up error naming its successor, not a
 *  value silently ignored. */
const renamed: Record<string, string> = {
  INSPECTORATE_OPEN_INDEX_MAX: "renamed INSPECTORATE_FINDINGS_INDEX_MAX, which counts every finding, not only the open ones: set that instead",
};

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  for (const [old, message] of Object.entries(renamed)) if (cleaned[old] !== undefined) throw new ConfigError(`${old}: ${message}`);
  const r = schema.safeParse(cleaned);
  if (!r.success) {
    const issue = r.error.issues[0];
    const name = String(issue.path[0]);
    const value = typeof cleaned[name] === "string" ? String(cleaned[name]) : undefined;
    if (secretNames.test(name)) {
      // Item messages (csvList, keyValueList) quote the offending part: mask anything quoted too.
      throw new ConfigError(`${name}: ${issue.message.replace(/"[^"]*"/g, '"***"')}`);
    }
    const got = value !== undefined ? ` (got "${redactUrlPassword(value).slice(0, 80)}")` : "";
    throw new ConfigError(`${name}: ${redactUrlPassword(issue.message)}${got}`);
  }
  return r.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function slaDays(e: Env = env()): Record<(typeof severityOrder)[number], number | null> {
  const d = e.INSPECTORATE_SLA_DAYS;
  const n = (k: string, dflt: number) => (d[k] !== undefined ? Number(d[k]) : dflt);
  return { CRITICAL: n("critical", 15), HIGH: n("high", 30), MEDIUM: n("medium", 90), LOW: n("low", 180), INFORMATIONAL: null, UNTRIAGED: null };
}

export function configuredRegions(e: Env = env()): string[] {
  return e.INSPECTORATE_REGIONS ?? [e.AWS_REGION ?? "us-east-1"];
}

export const isDemo = (e: Env = env()) => e.INSPECTORATE_DEMO === "1";
